package fr.proxima.map;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import fr.proxima.accounts.Role;
import fr.proxima.accounts.internal.AccountService;
import fr.proxima.support.Browser;
import fr.proxima.support.RequireBrowser;
import fr.proxima.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

// issue 12: the planner workspace at /planner, driven in headless Chromium on the imported Lozère data (estimates: no
// road graph); every figure the page shows is compared with what the API answers for the same parameters
class PlannerBrowserTest extends BrowserTestBase {

	static final String PASSWORD = "a planner's passphrase";

	static final String PLANNER = "planner-page@test.proxima.fr";

	/**
	 * EHPAD within 20 minutes: some Lozère communes are not covered by the estimated
	 * times.
	 */
	static final String QUERY = "families=ehpad&minutes=20&demand=aged_75_plus&departements=48";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AccountService accounts;

	PlannerPage planner;

	long plannerId;

	@BeforeEach
	void plannerAccount() {
		planner = new PlannerPage(browser);
		plannerId = TestUsers.user(jdbc, PLANNER, List.of(), Role.PLANNER);
		jdbc.update("UPDATE app_user SET password_hash = ? WHERE id = ?", accounts.hash(PASSWORD), plannerId);
	}

	/**
	 * Signs in as the planner the way a script does (the sign-in form's POST, from a page
	 * of the app), unless already signed in; the sign-in page itself is another test's.
	 */
	void signedIn() {
		browser.driver().get(api.url("/planner/report.html"));
		Object status = browser.driver().executeAsyncScript("""
				const [email, password, done] = arguments;
				fetch('/api/account/csrf').then(() => {
				  const token = decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]+)/)[1]);
				  const body = new URLSearchParams({ email, password, _csrf: token });
				  return fetch('/login', { method: 'POST', body, headers: { Accept: 'application/json' } });
				}).then((r) => done(r.status), (e) => done(String(e)));
				""", PLANNER, PASSWORD);
		assertThat(status).isEqualTo(200L);
	}

	/** Opens the workspace on the Lozère EHPAD query, signed in. */
	void openWorkspace() {
		signedIn();
		browser.driver().get(api.url("/planner/?" + QUERY));
		planner.ready();
	}

	JsonNode asPlanner(String path) {
		try {
			HttpResponse<String> r = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(api.url(path)))
					.header("Authorization", "Bearer " + TestUsers.token(jdbc, plannerId))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
			return JsonMapper.builder().build().readTree(r.body());
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	void screenshots(String name) {
		String url = browser.driver().getCurrentUrl();
		browser.screenshot(name + "-1280");
		browser.width(360, 780);
		browser.driver().get(url);
		planner.ready();
		browser.screenshot(name + "-360");
		browser.width(1280, 900);
	}

	@Test
	void anonymousPlannerSignsInOnTheWayAndSeesEveryLozereCommuneWithItsLegend() {
		browser.driver().manage().deleteAllCookies();
		browser.driver().get(api.url("/planner/?" + QUERY));
		browser.waiting().until(ExpectedConditions.urlContains("/login/?next="));
		planner.signIn(PLANNER, PASSWORD);
		// allowed: the sign-in page (issue 11's) names no icon, so Chromium asks for
		// /favicon.ico; and when the browser serves /planner/ from its cache, the page's
		// own check (/api/account: 401) is what sends it to the sign-in page
		assertThat(browser.consoleErrors()).allMatch(e -> e.contains("/favicon.ico")
				|| e.contains("/api/account - Failed to load resource: the server responded with a status of 401"));
		browser.waiting().until(ExpectedConditions.urlContains("/planner/"));
		planner.ready();
		assertThat(browser.driver().getCurrentUrl()).contains("families=ehpad");
		assertThat(planner.communePolygons()).hasSize(152);
		assertThat(planner.legendEntries()).hasSizeGreaterThanOrEqualTo(3);
		assertThat(browser.driver().findElement(By.cssSelector("#legend h3")).getText())
			.isEqualTo("Minutes jusqu'à l'offre la plus proche");
		assertThat(browser.driver().findElement(By.cssSelector("#totals-body .method")).getText()).contains("estimés");
		for (String layer : List.of("covered", "index", "ratio", "minutes")) {
			planner.chooseLayer(layer);
			assertThat(planner.legendEntries()).as(layer).isNotEmpty();
			assertThat(browser.driver().findElements(By.cssSelector("path.choropleth-commune[data-class]")))
				.hasSize(152);
		}
		assertThat(browser.seriousAccessibilityViolations()).as("axe-core on /planner").isEmpty();
		screenshots("planner-workspace");
	}

	@Test
	void signedInUserWithoutThePlannerRoleReadsWhyInFrench() {
		long id = TestUsers.user(jdbc, "contributor-page@test.proxima.fr", List.of(), Role.CONTRIBUTOR);
		jdbc.update("UPDATE app_user SET password_hash = ? WHERE id = ?", accounts.hash(PASSWORD), id);
		browser.driver().manage().deleteAllCookies();
		browser.driver().get(api.url("/planner/"));
		try {
			planner.signIn("contributor-page@test.proxima.fr", PASSWORD);
			browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("denied")));
			assertThat(browser.consoleErrors()).allMatch(e -> e.contains("/favicon.ico"));
			assertThat(browser.driver().findElement(By.id("denied")).getText())
				.contains("réservé aux comptes ayant le rôle « planificateur »");
			assertThat(browser.driver().findElement(By.id("workspace")).isDisplayed()).isFalse();
			assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the refusal").isEmpty();
		}
		finally {
			browser.driver().manage().deleteAllCookies();
		}
	}

	@Test
	void tableStartsWithTheApisFirstUncoveredCommuneSortsByKeyboardAndSelectsOnTheMap() {
		openWorkspace();
		JsonNode uncovered = api.get("/api/coverage/uncovered?" + QUERY).path("uncovered");
		assertThat(uncovered.size()).isPositive();
		assertThat(planner.tableRows()).hasSize(uncovered.size());
		assertThat(planner.firstRowCode()).isEqualTo(uncovered.get(0).path("code").asString());
		// sort by name with the keyboard, then back by rank
		browser.driver().findElement(By.cssSelector("button[data-sort='name']")).sendKeys(Keys.ENTER);
		assertThat(browser.driver().findElement(By.cssSelector("th[aria-sort]")).getText()).startsWith("Commune");
		browser.driver().findElement(By.cssSelector("button[data-sort='rank']")).sendKeys(Keys.ENTER);
		assertThat(planner.firstRowCode()).isEqualTo(uncovered.get(0).path("code").asString());
		String code = planner.firstRowCode();
		planner.openCommuneFromTable(code);
		assertThat(browser.driver().findElement(By.id("commune-title")).getText()).contains(code);
		assertThat(browser.driver().findElement(By.cssSelector("#commune .explanation")).getText()).contains("estimés");
		assertThat(browser.driver()
			.findElement(By.cssSelector("path.choropleth-commune[data-code='" + code + "']"))
			.getDomAttribute("stroke-width")).isEqualTo("3");
		// a click on a commune of the map marks its row
		String second = planner.tableRows().get(1).getDomAttribute("data-code");
		browser.driver()
			.executeScript("window.plannerWorkspace.choropleth.shapes.get(arguments[0]).fire('click')", second);
		browser.waiting()
			.until(d -> d.findElements(By.cssSelector("#ranking-table tr.selected[data-code='" + second + "']"))
				.size() == 1);
	}

	@Test
	void hypotheticalEhpadInTheFirstCommuneGivesTheApisScenarioDeltas() {
		openWorkspace();
		String code = planner.firstRowCode();
		planner.openCommuneFromTable(code);
		planner.addSiteInOpenCommune();
		planner.saveScenario("EHPAD à " + code);
		long id = planner.scenarioId();
		JsonNode comparison = asPlanner("/api/coverage/scenarios/" + id + "/comparison?" + QUERY);
		long before = comparison.path("before").path("aged75Plus").path("covered").asLong();
		long after = comparison.path("after").path("aged75Plus").path("covered").asLong();
		assertThat(after - before).as("the new EHPAD covers at least its own commune").isPositive();
		assertThat(planner.delta("before75")).isEqualTo(before);
		assertThat(planner.delta("after75")).isEqualTo(after);
		assertThat(planner.delta("delta75")).isEqualTo(after - before);
		assertThat(browser.driver().findElement(By.cssSelector("[data-list='gained']")).getText()).contains(code);
		assertThat(browser.driver().findElement(By.cssSelector("#legend h3")).getText())
			.isEqualTo("Changements du scénario");
		assertThat(browser.driver().findElements(By.cssSelector("path.choropleth-commune[data-class='gained']")))
			.isNotEmpty();
		assertThat(planner.downloadHref("scenario-" + id + "-csv")).contains("/comparison?");
		// the catchment of the new site, drawn and counted
		browser.driver().findElement(By.id("catchment-run")).click();
		browser.waiting()
			.until(d -> !d.findElements(By.cssSelector("#catchment-result [data-figure='aged75Plus']")).isEmpty());
		assertThat(browser.driver().findElements(By.cssSelector("path.catchment-area"))).isNotEmpty();
		assertThat(browser.seriousAccessibilityViolations()).as("axe-core with a scenario").isEmpty();
		screenshots("planner-scenario");
	}

	@Test
	void suggestionTurnedIntoASiteGivesTheGainTheSuggestionsEndpointReported() {
		openWorkspace();
		JsonNode steps = api.get("/api/coverage/suggestions?" + QUERY + "&k=3").path("steps");
		planner.suggest(3);
		assertThat(browser.driver().findElements(By.cssSelector("#suggestion-list li[data-rank]")))
			.hasSize(steps.size());
		planner.useSuggestion(1);
		planner.saveScenario("Suggestion 1");
		assertThat(planner.delta("delta75")).isEqualTo(steps.get(0).path("gain").asLong());
		browser.screenshot("planner-suggestion-1280");
	}

	@Test
	void csvOfTheTableHasItsHeaderAndOneRowPerCommuneOfTheTable() throws Exception {
		openWorkspace();
		HttpResponse<String> csv = api.response(URI.create(planner.downloadHref("uncovered-csv")).getRawPath() + "?"
				+ URI.create(planner.downloadHref("uncovered-csv")).getRawQuery());
		assertThat(csv.statusCode()).isEqualTo(200);
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0)).startsWith("code,name,departement,minutes,nearest_offer_id").contains(",method");
		assertThat(lines).hasSize(planner.tableRows().size() + 1);
		assertThat(lines.get(1)).startsWith(planner.firstRowCode() + ",");
		assertThat(planner.downloadHref("coverage-geojson")).contains("format=geojson");
	}

	@Test
	void reportPageRendersIsAccessibleAndPrintsToPdf() throws Exception {
		String report = api.url("/planner/report.html?" + QUERY + "&layer=covered");
		browser.driver().get(report);
		browser.waiting().until(d -> "ready".equals(d.findElement(By.tagName("body")).getDomAttribute("data-state")));
		assertThat(planner.communePolygons()).hasSize(152);
		JsonNode uncovered = api.get("/api/coverage/uncovered?" + QUERY).path("uncovered");
		assertThat(browser.driver().findElements(By.cssSelector("#table tbody tr"))).hasSize(uncovered.size());
		assertThat(browser.driver().findElement(By.id("sources")).getText()).contains("FINESS");
		assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the report").isEmpty();
		browser.screenshot("planner-report-1280");
		browser.width(360, 780);
		browser.driver().get(report);
		browser.waiting().until(d -> "ready".equals(d.findElement(By.tagName("body")).getDomAttribute("data-state")));
		browser.screenshot("planner-report-360");
		browser.width(1280, 900);
		// English is available: the same report with lang=en
		browser.driver().get(report + "&lang=en");
		browser.waiting().until(d -> "ready".equals(d.findElement(By.tagName("body")).getDomAttribute("data-state")));
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Coverage report");
		assertThat(browser.driver().findElement(By.cssSelector("#legend h3")).getText())
			.isEqualTo("Coverage within T minutes");

		Path pdf = Browser.SCREENSHOTS.resolve("planner-report.pdf").toAbsolutePath();
		Files.deleteIfExists(pdf);
		Path home = Files.createTempDirectory("proxima-print");
		ProcessBuilder command = new ProcessBuilder(RequireBrowser.CHROMIUM.toString(), "--headless", "--no-sandbox",
				"--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + home.resolve("profile"),
				"--run-all-compositor-stages-before-draw", "--virtual-time-budget=20000", "--no-pdf-header-footer",
				"--print-to-pdf=" + pdf, report)
			.redirectErrorStream(true)
			.redirectOutput(home.resolve("chromium.log").toFile());
		command.environment().put("HOME", home.toString());
		command.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
		command.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
		Process print = command.start();
		print.getOutputStream().close();
		assertThat(print.waitFor(90, TimeUnit.SECONDS)).as("chromium --print-to-pdf ends").isTrue();
		byte[] bytes = Files.readAllBytes(pdf);
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		assertThat(text).startsWith("%PDF-");
		long pages = text.split("/Type /Page\\b", -1).length - 1;
		System.out.printf("report printed to %s: %,d bytes, %d A4 pages%n", pdf, bytes.length, pages);
		assertThat(pages).isGreaterThanOrEqualTo(2);
		assertThat(bytes.length).isGreaterThan(30_000);
	}

}
