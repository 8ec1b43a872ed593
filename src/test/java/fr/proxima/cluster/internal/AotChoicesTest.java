package fr.proxima.cluster.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: a start in Spring AOT mode is refused when its settings ask for read replicas
 * or database sessions that the build-time bean definitions do not hold, or the reverse.
 */
class AotChoicesTest {

	@Test
	void buildDefaultsAgreeWithDefaultSettings() { // issue 15
		assertThat(AotChoices.mismatches(new DefaultListableBeanFactory(), settings(Map.of()))).isEmpty();
	}

	@Test
	void readReplicasOrDatabaseSessionsAskedOfADefaultBuildAreNamed() { // issue 15
		assertThat(AotChoices.mismatches(new DefaultListableBeanFactory(),
				settings(Map.of("proxima.db.read-urls", "jdbc:postgresql://replica/db", "proxima.sessions.store",
						"database"))))
			.containsExactly("proxima.db.read-urls is set, the build has no read replicas",
					"proxima.sessions.store=database, the build keeps sessions in memory");
	}

	@Test
	void aBuildWithReplicasAndDatabaseSessionsRefusesTheDefaults() { // issue 15
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerBeanDefinition("replicaDataSources", new RootBeanDefinition(ReplicaDataSources.class));
		beans.registerBeanDefinition("databaseSessions", new RootBeanDefinition(DatabaseSessions.class));
		assertThat(AotChoices.mismatches(beans, settings(Map.of("proxima.db.read-urls", " ")))).hasSize(2);
		assertThat(AotChoices.mismatches(beans, settings(
				Map.of("proxima.db.read-urls", "jdbc:postgresql://r/db", "proxima.sessions.store", "database"))))
			.isEmpty();
	}

	private static StandardEnvironment settings(Map<String, Object> values) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", values));
		return environment;
	}

}
