package fr.proxima.config;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Start-up (issue 15): with {@code spring.main.lazy-initialization=true} a bean is made
 * when it is first used, so the classes of the features nobody calls during the start
 * (exports, tours, scenarios, OGC, springdoc…) are not loaded before the first healthy
 * answer. Spring Boot already keeps eager what start-up work needs: the
 * {@code SmartInitializingSingleton} beans (the first-start import, with what it uses),
 * the health contributors (the road graph's among them) and the servlet filters. This
 * filter also keeps the settings ({@code @ConfigurationProperties}) eager, so that a
 * wrong setting stops the start instead of failing a later request. Listeners
 * ({@code @EventListener}, {@code ApplicationReadyEvent} included) are made by their
 * first event.
 */
@Configuration(proxyBeanMethods = false)
class LazyStart {

	@Bean
	static LazyInitializationExcludeFilter eagerSettings() {
		return (name, definition, type) -> type != null && type.isAnnotationPresent(ConfigurationProperties.class);
	}

}
