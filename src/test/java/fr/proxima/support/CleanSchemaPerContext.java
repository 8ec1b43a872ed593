package fr.proxima.support;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every test application context starts from an empty, freshly migrated schema, on H2GIS
 * and on PostGIS alike.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CleanSchemaPerContext {

	@Bean
	FlywayMigrationStrategy cleanThenMigrate() {
		return flyway -> {
			flyway.clean();
			flyway.migrate();
		};
	}

}
