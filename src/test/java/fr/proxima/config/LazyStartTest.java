package fr.proxima.config;

import fr.proxima.shared.ApiSettings;
import fr.proxima.support.H2Test;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;

// issue 15: the start makes only what start-up work needs; settings and the first-start import stay eager, and
// Hibernate is built on a second thread
@SpringBootTest
@H2Test
class LazyStartTest {

	@Autowired
	ConfigurableListableBeanFactory beans;

	@Test
	void featureBeansAreMadeOnFirstUseButSettingsAndTheFirstStartImportAtStart() {
		assertThat(beans.getBeanDefinition("exportController").isLazyInit()).isTrue();
		assertThat(beans.getBeanDefinition("suggestionService").isLazyInit()).isTrue();
		assertThat(beans.getBeanDefinition(only(ApiSettings.class)).isLazyInit()).isFalse();
		assertThat(beans.getBeanDefinition("firstStart").isLazyInit()).isFalse();
		assertThat(beans.containsSingleton("firstStart")).isTrue();
	}

	@Test
	void theEntityManagerFactoryIsBuiltOnTheTaskExecutor() {
		LocalContainerEntityManagerFactoryBean factory = beans.getBean("&entityManagerFactory",
				LocalContainerEntityManagerFactoryBean.class);
		assertThat(factory.getBootstrapExecutor()).isNotNull();
	}

	private String only(Class<?> type) {
		String[] names = beans.getBeanNamesForType(type, true, false);
		assertThat(names).hasSize(1);
		return names[0];
	}

}
