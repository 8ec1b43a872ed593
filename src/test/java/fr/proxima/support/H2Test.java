package fr.proxima.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Marks a Spring test class that runs against the embedded H2GIS, in memory (profile
 * {@code h2}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ActiveProfiles("h2")
@Import(CleanSchemaPerContext.class)
public @interface H2Test {

}
