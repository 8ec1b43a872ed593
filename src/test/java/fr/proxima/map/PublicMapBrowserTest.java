package fr.proxima.map;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import fr.proxima.shared.Geo;
import fr.proxima.shared.GeoJsonGeometry;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

// issue 9: the public map at /, driven in headless Chromium on the imported Lozère data
class PublicMapBrowserTest extends BrowserTestBase {

	private String nearest(String place, String families) {
		return "/api/routing/nearest-offers?point=" + api.pointOf(place) + "&cutoffMinutes=90&limit=100&commune="
				+ api.get("/api/places?q=" + place).get(0).path("code").asString()
				+ (families == null ? "" : "&family=" + families);
	}

	/**
	 * Screenshots of the state shown, on a desktop, then on a phone where {@code reach}
	 * brings the page to the same state again (loaded at that width, as a phone would).
	 */
	private void screenshots(String name, Runnable reach) {
		browser.screenshot(name + "-1280");
		browser.width(360, 780);
		reach.run();
		browser.screenshot(name + "-360");
		browser.width(1280, 900);
	}

	private void screenshots(String name) {
		String url = browser.driver().getCurrentUrl();
		screenshots(name, () -> page.open(url));
	}

	@Test
	void firstViewShowsLozereOffersOnTheMapWithoutAnyAccessibilityBarrier() {
		page.open(api.url("/"));
		assertThat(page.state()).isEqualTo("area");
		// Lozère's 274 offers, and those of its neighbours inside its frame
		assertThat(page.results()).hasSizeGreaterThan(274).hasSizeLessThan(500);
		assertThat(page.markerIds().size() + page.clusteredCount()).isEqualTo(page.results().size());
		assertThat(page.summary()).contains("services dans cette zone");
		assertThat(browser.seriousAccessibilityViolations()).as("axe on the empty map").isEmpty();
		screenshots("map-first-view");
	}

	@Test
	void firstViewTransfersAtMost300KilobytesCompressed() {
		browser.driver().get("about:blank");
		browser.clearCache();
		page.open(api.url("/"));
		assertThat(page.state()).isEqualTo("area");
		long bytes = browser.transferredBytes();
		long decoded = ((Number) browser.driver()
			.executeScript("return performance.getEntriesByType('navigation').concat(performance"
					+ ".getEntriesByType('resource')).reduce((s, e) => s + e.decodedBodySize, 0);"))
			.longValue();
		System.out.printf("first view of / (map, outlines, %d offers): %,d bytes transferred, %,d decoded%n",
				page.results().size(), bytes, decoded);
		assertThat(bytes).as("bytes transferred by the first view").isPositive().isLessThanOrEqualTo(300_000);
		// the static files and the data came compressed
		assertThat(decoded).isGreaterThan(2 * bytes);
		HttpResponse<String> leaflet = api.response("/webjars/leaflet/dist/leaflet.js");
		assertThat(leaflet.headers().firstValue("Cache-Control"))
			.hasValueSatisfying(v -> assertThat(v).contains("max-age"));
	}

	@Test
	void searchingMendeShowsTheSameResultsOnTheMapAndInTheListSortedByTravelTime() {
		page.open(api.url("/"));
		page.search("Mende");
		List<MapPage.Result> results = page.results();
		assertThat(results).hasSizeGreaterThan(10);
		List<Long> listed = results.stream().map(MapPage.Result::offerId).toList();
		assertThat(listed).isEqualTo(AppApi.ids(api.get(nearest("Mende", null))));
		List<Integer> minutes = results.stream().map(MapPage.Result::minutes).toList();
		assertThat(minutes).isSorted();
		// no road graph in this test: every time is labelled as an estimate
		assertThat(results).allSatisfy(r -> assertThat(r.time()).startsWith("≈").contains("(estimation)", "km"));
		// every result is on the map: as a marker of its own, or counted in a cluster
		assertThat(listed).containsAll(page.markerIds());
		assertThat(page.markerIds().size() + page.clusteredCount()).isEqualTo(results.size());
		assertThat(browser.driver().getCurrentUrl()).contains("q=Mende");
		assertThat(browser.seriousAccessibilityViolations()).as("axe on the map with results").isEmpty();
		screenshots("map-mende");
	}

	@Test
	void nursingAtHomeShowsExactlyTheSsiadAndSpasadOffersTheApiReturns() {
		// a shared link runs the same search
		page.open(api.url("/?q=Mende&need=soins-domicile"));
		JsonNode expected = api.get(nearest("Mende", "ssiad,spasad"));
		Set<String> families = new HashSet<>();
		expected.path("features").forEach(f -> families.add(f.path("properties").path("family").asString()));
		assertThat(families).containsExactlyInAnyOrder("ssiad", "spasad");
		assertThat(page.results().stream().map(MapPage.Result::offerId).toList()).isEqualTo(AppApi.ids(expected));
		assertThat(page.results()).allSatisfy(r -> assertThat(r.type()).containsAnyOf("(SSIAD)", "(SPASAD)"));
		assertThat(page.results()).allSatisfy(r -> assertThat(r.element().getText()).contains("zone"));
	}

	@Test
	void keyboardOnlyUserOpensTheThirdResultReadsItsPhoneAndReturnsToIt() {
		page.open(api.url("/?q=Mende"));
		long third = page.resultAt(3).offerId();
		Actions keys = new Actions(browser.driver());
		keys.sendKeys(Keys.TAB).perform();
		assertThat(page.focused().getDomAttribute("class")).isEqualTo("skip-link");
		keys.sendKeys(Keys.ENTER).perform();
		keys.sendKeys(Keys.TAB, Keys.TAB, Keys.TAB).perform();
		assertThat(page.focused().getDomAttribute("data-offer-id")).isEqualTo(Long.toString(third));
		keys.sendKeys(Keys.ENTER).perform();
		page.detailLoaded();
		assertThat(page.focused().getDomAttribute("data-detail-title")).isNotNull();
		String phone = api.get("/api/offers/" + third).path("phone").asString();
		assertThat(phone).isNotBlank();
		assertThat(page.detailPhone()).isEqualTo(phone);
		assertThat(
				page.detail().findElement(org.openqa.selenium.By.cssSelector("a.detail-phone")).getDomAttribute("href"))
			.isEqualTo("tel:" + phone.replaceAll("[^0-9+]", ""));
		assertThat(browser.seriousAccessibilityViolations()).as("axe with the detail panel open").isEmpty();
		keys.sendKeys(Keys.ESCAPE).perform();
		assertThat(page.detailOpen()).isFalse();
		assertThat(page.focused().getDomAttribute("data-offer-id")).isEqualTo(Long.toString(third));
		page.resultAt(3).open();
		screenshots("map-detail", () -> page.open(api.url("/?q=Mende")).resultAt(3).open());
	}

	@Test
	void within20MinutesDrawsTheIsochroneAndLeavesOnlyOffersInsideIt() {
		page.open(api.url("/?q=Mende"));
		int all = page.results().size();
		page.chooseMinutes(20);
		assertThat(page.drawsIsochrone()).isTrue();
		JsonNode isochrone = api.get("/api/routing/isochrones?point=" + api.pointOf("Mende") + "&minutes=20")
			.path("features")
			.get(0);
		Geometry area = GeoJsonGeometry.read(isochrone.path("geometry"));
		List<Long> expected = new ArrayList<>();
		for (JsonNode f : api.get(nearest("Mende", null)).path("features")) {
			JsonNode at = f.path("geometry").path("coordinates");
			if (f.path("properties").path("minutes").asDouble() <= 20
					&& area.contains(Geo.point(at.get(0).asDouble(), at.get(1).asDouble()))) {
				expected.add(f.path("id").asLong());
			}
		}
		List<MapPage.Result> results = page.results();
		assertThat(results).isNotEmpty().hasSizeLessThan(all);
		assertThat(results.stream().map(MapPage.Result::offerId).toList()).isEqualTo(expected);
		assertThat(results).allSatisfy(r -> assertThat(r.minutes()).isLessThanOrEqualTo(20));
		assertThat(browser.driver().getCurrentUrl()).contains("minutes=20");
		screenshots("map-within-20");
	}

	@Test
	void politeLiveRegionAnnouncesTheCountInTheChosenLanguage() {
		page.open(api.url("/?q=Mende&need=hebergement"));
		assertThat(browser.driver()
			.findElement(org.openqa.selenium.By.cssSelector("[data-status]"))
			.getDomAttribute("aria-live")).isEqualTo("polite");
		int count = page.results().size();
		assertThat(page.announced()).isEqualTo(
				count + " services trouvés près de Mende, du plus proche au plus" + " éloigné en temps de trajet.");
		page.open(api.url("/?q=Mende&need=hebergement&lang=en"));
		assertThat(page.announced()).isEqualTo(count + " services found near Mende, nearest first by travel time.");
		assertThat(page.resultAt(1).time()).contains("(estimate)");
	}

	@Test
	void noServiceWithinTheTimeSaysSoAndShowsTheNearestOnes() {
		page.open(api.url("/?q=Villefort&need=accueil-jour&minutes=10"));
		assertThat(page.state()).isEqualTo("results");
		assertThat(page.summary())
			.isEqualTo("Aucun service de ce type à moins de 10 min de Villefort : voici les plus proches.");
		assertThat(page.results()).hasSizeBetween(1, 5);
		assertThat(page.resultAt(1).minutes()).isGreaterThan(10);
		page.open(api.url("/?q=Langogne&need=accueil-jour"));
		assertThat(page.state()).isEqualTo("empty");
		assertThat(page.summary()).isEqualTo("Aucun service de ce type à moins de 90 min de Langogne.");
		assertThat(page.results()).isEmpty();
		assertThat(browser.seriousAccessibilityViolations()).as("axe on the map without results").isEmpty();
		page.search("Nulle-Part-Sur-Terre");
		assertThat(page.state()).isEqualTo("error");
		assertThat(page.summary()).contains("Aucune commune ne correspond à « Nulle-Part-Sur-Terre »");
		screenshots("map-error", () -> page.open(api.url("/")).search("Nulle-Part-Sur-Terre"));
	}

}
