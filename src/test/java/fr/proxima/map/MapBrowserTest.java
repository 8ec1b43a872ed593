package fr.proxima.map;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import fr.proxima.support.H2Test;
import fr.proxima.support.RequireBrowser;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The real application on H2GIS, filled at start from {@code ../shared/data} (as the
 * README's quickest real-data start does), without a road graph (every time is an
 * estimate), served on a random port under the site-wide Content-Security-Policy, for
 * tests that drive it in headless Chromium. Classes with this annotation share one
 * application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(RequireBrowser.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "proxima.import.data-dir=${proxima.shared-data}", "proxima.routing.osm-file=" })
@H2Test
@Import(SitePolicy.class)
@interface MapBrowserTest {

}
