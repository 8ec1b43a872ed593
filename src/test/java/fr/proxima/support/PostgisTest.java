package fr.proxima.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Marks a Spring test class that runs against the real PostGIS test database (profile
 * {@code postgis}); see {@link RequirePostgis} for what happens when PostGIS is missing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequirePostgis.class)
@ActiveProfiles("postgis")
@Import(CleanSchemaPerContext.class)
public @interface PostgisTest {

}
