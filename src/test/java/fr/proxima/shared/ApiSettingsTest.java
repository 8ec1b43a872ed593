package fr.proxima.shared;

import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import static org.assertj.core.api.Assertions.assertThat;

// issue 2: the API limits written in application.properties are the code's defaults (the documented values)
class ApiSettingsTest {

	@Test
	void applicationPropertiesMatchTheCodeDefaults() throws Exception {
		Properties file = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
		MutablePropertySources sources = new MutablePropertySources();
		sources.addFirst(new PropertiesPropertySource("application.properties", file));
		ApiSettings configured = new Binder(ConfigurationPropertySources.from(sources),
				new PropertySourcesPlaceholdersResolver(sources))
			.bindOrCreate("proxima.api", ApiSettings.class);
		ApiSettings defaults = new Binder(new MapConfigurationPropertySource()).bindOrCreate("proxima.api",
				ApiSettings.class);
		assertThat(file.stringPropertyNames()).contains("proxima.api.max-limit", "proxima.api.query-timeout");
		assertThat(configured).isEqualTo(defaults);
	}

}
