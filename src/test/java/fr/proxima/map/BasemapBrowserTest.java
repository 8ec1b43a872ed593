package fr.proxima.map;

import java.nio.file.Path;
import java.util.List;

import fr.proxima.support.AndorraBasemap;
import fr.proxima.support.Browser;
import fr.proxima.support.H2Test;
import fr.proxima.support.RequireBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

// issue 14: the public map draws the self-hosted basemap (built from the Andorra extract by gis/build-basemap.sh) from
// the app itself, and no request leaves the site
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "proxima.routing.osm-file=", "proxima.map.tile-url=", "proxima.map.departements=" })
@H2Test
@ExtendWith(RequireBrowser.class)
@Import(SitePolicy.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BasemapBrowserTest {

	static final Path BASEMAP = Path.of("target/basemap-browser-test/andorra.mbtiles").toAbsolutePath();

	static String unavailable;

	@LocalServerPort
	int port;

	Browser browser;

	@DynamicPropertySource
	static void buildTheBasemap(DynamicPropertyRegistry registry) {
		registry.add("proxima.tiles.basemap", BASEMAP::toString);
		unavailable = AndorraBasemap.build(BASEMAP);
	}

	@BeforeAll
	void startBrowser() {
		browser = new Browser();
		browser.width(1280, 900);
	}

	@AfterAll
	void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@SuppressWarnings("unchecked")
	List<String> requested() {
		return (List<String>) browser.driver()
			.executeScript("return performance.getEntriesByType('resource').map((e) => e.name);");
	}

	/** How many basemap canvases hold something drawn besides the background colour. */
	long drawnTiles() {
		return ((Number) browser.driver()
			.executeScript("return [...document.querySelectorAll('.proxima-basemap canvas')].filter((c) => {"
					+ " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
					+ " for (let i = 0; i < d.length; i += 4) { if (d[i] !== 0xf4 || d[i + 1] !== 0xf1) return true; }"
					+ " return false; }).length;"))
			.longValue();
	}

	@Test
	void theMapDrawsTheAppsOwnBasemapAndAsksNoThirdParty() {
		AndorraBasemap.require(unavailable);
		String site = "http://localhost:" + port + "/";
		// Andorra la Vella: the map frames the searched position
		browser.driver().get(site + "?at=1.5218,42.5063");
		browser.waiting()
			.until(d -> requested().stream().anyMatch(u -> u.startsWith(site + "tiles/basemap/")) && drawnTiles() > 0);
		browser.waiting().until(d -> !d.findElement(By.id("finder")).getDomAttribute("data-state").equals("loading"));
		List<String> urls = requested();
		assertThat(urls).as("basemap tiles, from the app itself")
			.anySatisfy(u -> assertThat(u).matches(site + "tiles/basemap/\\d+/\\d+/\\d+\\.mvt"));
		assertThat(urls).as("requests to another origin").allSatisfy(u -> assertThat(u).startsWith(site));
		assertThat(browser.driver().findElement(By.cssSelector(".leaflet-control-attribution")).getText())
			.contains("OpenStreetMap");
		browser.screenshot("map-basemap-andorra-1280");
		browser.width(360, 780);
		browser.driver().get(site + "?at=1.5218,42.5063");
		browser.waiting().until(d -> drawnTiles() > 0);
		browser.screenshot("map-basemap-andorra-360");
		browser.width(1280, 900);
		assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
	}

}
