package fr.proxima.accounts;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import fr.proxima.accounts.internal.AccountService;
import fr.proxima.support.Browser;
import fr.proxima.support.RequireBrowser;
import fr.proxima.support.H2Test;
import fr.proxima.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

// issue 11: in a real Chromium, a contributor signs in, edits an offer's phone and zone, signs out; the public page
// shows the new values and verified date; axe-core finds no serious or critical violation on any of the pages
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@H2Test
@ExtendWith(RequireBrowser.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountPagesBrowserTest {

	static final String PASSWORD = "a contributor passphrase";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AccountService accounts;

	Browser browser;

	ChromeDriver driver;

	@BeforeAll
	void startBrowser() throws Exception {
		browser = new Browser();
		driver = browser.driver();
	}

	@AfterAll
	void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void signIn(String email) {
		driver.get(url("/login/"));
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElement(By.id("csrf")).getAttribute("value").isEmpty());
		driver.findElement(By.id("email")).sendKeys(email);
		driver.findElement(By.id("password")).sendKeys(PASSWORD);
		driver.findElement(By.cssSelector("#login button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/account/"));
	}

	/**
	 * Screenshots at desktop and 360 px phone width, axe-core at both, and no request to
	 * another origin.
	 */
	void accessible(String page) throws Exception {
		browser.screenshot("accounts-" + page);
		assertThat(browser.seriousAccessibilityViolations()).as("axe-core on " + page).isEmpty();
		browser.width(360, 740);
		try {
			Thread.sleep(300);
			browser.screenshot("accounts-" + page + "-phone");
			assertThat(browser.seriousAccessibilityViolations()).as("axe-core on " + page + " at 360 px").isEmpty();
		}
		finally {
			browser.width(1280, 900);
		}
		assertThat(thirdPartyRequests()).as("requests leaving the site from " + page).isEmpty();
	}

	@SuppressWarnings("unchecked")
	List<String> thirdPartyRequests() {
		List<String> urls = (List<String>) driver
			.executeScript("return performance.getEntriesByType('resource').map((e) => e.name);");
		return urls.stream().filter(u -> !u.startsWith(url("/"))).toList();
	}

	void waitFor(By element, String text) {
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(element, text));
	}

	long user(String email, List<Long> orgs, Role... roles) {
		long id = TestUsers.user(jdbc, email, orgs, roles);
		jdbc.update("UPDATE app_user SET password_hash = ? WHERE id = ?", accounts.hash(PASSWORD), id);
		return id;
	}

	@Test
	void contributorEditsPhoneAndZoneAndThePublicPageShowsThem() throws Exception {
		jdbc.update("INSERT INTO organisation (name) VALUES ('Aide à domicile du Causse')");
		long org = jdbc.queryForObject("SELECT MAX(id) FROM organisation", Long.class);
		jdbc.update(
				"INSERT INTO offer (organisation_id, name, family, audience, phone, source_name, imported_at)"
						+ " VALUES (?, 'SAAD du Causse', 'saad', 'elderly', '0466000000', 'browser-test', ?)",
				org, OffsetDateTime.now());
		long offer = jdbc.queryForObject("SELECT MAX(id) FROM offer", Long.class);
		long contributor = user("saad@test.proxima.fr", List.of(org), Role.CONTRIBUTOR);

		driver.get(url("/login/"));
		accessible("login");
		signIn("saad@test.proxima.fr");
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "saad@test.proxima.fr"));
		accessible("account");

		driver.get(url("/organisation/?id=" + org));
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("offer-" + offer + "-phone")));
		WebElement phone = driver.findElement(By.id("offer-" + offer + "-phone"));
		assertThat(phone.getAttribute("value")).isEqualTo("0466000000");
		assertThat(driver.findElement(By.cssSelector("main h2")).getText()).isEqualTo("Écarts avec le registre");
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector("#offer-" + offer + "-zone-map .leaflet-pane")).isEmpty());
		accessible("organisation");
		phone.clear();
		phone.sendKeys("04 66 12 34 56");
		WebElement zone = driver.findElement(By.id("offer-" + offer + "-zoneCommunes"));
		zone.clear();
		zone.sendKeys("48095, 48080");
		// the zone drawn on the map: three corners, then close the polygon
		WebElement map = driver.findElement(By.id("offer-" + offer + "-zone-map"));
		new Actions(driver).scrollToElement(map).perform();
		for (int[] corner : new int[][] { { -80, -50 }, { 80, -50 }, { 0, 60 } }) {
			new Actions(driver).moveToElement(map, corner[0], corner[1]).click().perform();
		}
		waitFor(By.id("offer-" + offer + "-zone-status"), "3 sommet(s) placé(s).");
		driver.findElement(By.id("offer-" + offer + "-zone-close")).click();
		waitFor(By.id("offer-" + offer + "-zone-status"), "Zone dessinée : un polygone de 3 sommets.");
		browser.screenshot("accounts-organisation-drawn");
		driver.findElement(By.cssSelector("#offer-" + offer + "-form button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBe(By.id("status"), "Modifications enregistrées."));
		waitFor(By.id("history"), "04 66 12 34 56");
		waitFor(By.id("history"), "Zone d’intervention dessinée");
		assertThat(jdbc.queryForObject(
				"SELECT ST_NumPoints(ST_ExteriorRing(ST_GeometryN(zone_geom, 1)))" + " FROM offer WHERE id = ?",
				Integer.class, offer))
			.isEqualTo(4);
		browser.screenshot("accounts-organisation-saved");

		driver.findElement(By.cssSelector("#logout-form button")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login/?logout"));
		driver.get(url("/organisation/?id=" + org));
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login/"));

		driver.get(url("/organisation/offer.html?id=" + offer + "&lang=fr"));
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBe(By.cssSelector("dd.phone"), "04 66 12 34 56"));
		assertThat(driver.findElement(By.cssSelector("dd.zone")).getText()).isEqualTo("48080, 48095");
		assertThat(driver.findElement(By.cssSelector("dd.zone-geometry")).getText())
			.isEqualTo("Zone dessinée sur la carte");
		assertThat(driver.findElement(By.cssSelector("dd.verified")).getText()).startsWith("Vérifiée le")
			.doesNotContain("—");
		// the drawn polygon is on the public page's map
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector("#offer-map path")).isEmpty());
		accessible("offer");
		driver.get(url("/organisation/offer.html?id=" + offer + "&lang=en"));
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dd.verified"), "Verified on"));
		assertThat(driver.findElement(By.cssSelector("dt")).getText()).isEqualTo("Phone");
		driver.get(url("/organisation/offer.html?id=" + offer + "&lang=fr"));

		String revokedToken = TestUsers.token(jdbc, contributor);
		user("admin@test.proxima.fr", List.of(), Role.ADMIN);
		signIn("admin@test.proxima.fr");
		driver.get(url("/admin/"));
		waitFor(By.id("users"), "saad@test.proxima.fr");
		String card = "#user-" + contributor;
		assertThat(driver.findElement(By.cssSelector(card)).getText()).contains("Aide à domicile du Causse");
		assertThat(driver.findElement(By.cssSelector("label[for=invite-role-PLANNER]")).getText())
			.isEqualTo("planificateur");
		accessible("admin");
		// roles and organisations
		driver.findElement(By.id("user-" + contributor + "-role-PLANNER")).click();
		driver.findElement(By.cssSelector(card + " form button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBe(By.id("status"), "Utilisateur mis à jour."));
		assertThat(jdbc.queryForList("SELECT role FROM app_user_role WHERE user_id = ? ORDER BY role", String.class,
				contributor))
			.containsExactly("CONTRIBUTOR", "PLANNER");
		// tokens: listed and revoked
		driver.findElement(By.cssSelector(card + " details summary")).click();
		waitFor(By.id("user-" + contributor + "-tokens"), "test (pxm_test…)");
		driver.findElement(By.cssSelector("#user-" + contributor + "-tokens button")).click();
		waitFor(By.id("user-" + contributor + "-tokens"), "Aucun jeton actif.");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_token WHERE user_id = ? AND revoked_at IS NULL",
				Long.class, contributor))
			.isZero();
		assertThat(revokedToken).startsWith("pxm_");
		// disabled
		driver.findElement(By.id("user-" + contributor + "-enabled")).click();
		waitFor(By.cssSelector(card), "désactivé");
		assertThat(jdbc.queryForObject("SELECT enabled FROM app_user WHERE id = ?", Boolean.class, contributor))
			.isFalse();
		// an invitation, its one-time link shown once
		driver.findElement(By.id("invite-email")).sendKeys("planner@test.proxima.fr");
		driver.findElement(By.id("invite-role-PLANNER")).click();
		driver.findElement(By.cssSelector("#invite-form button[type=submit]")).click();
		waitFor(By.id("invite-secret"), url("/login/setup.html#"));
		waitFor(By.id("users"), "planner@test.proxima.fr");
		browser.screenshot("accounts-admin-done");
		driver.get(url("/admin/?lang=en"));
		waitFor(By.id("users"), "planner@test.proxima.fr");
		assertThat(driver.findElement(By.cssSelector("label[for=invite-role-PLANNER]")).getText()).isEqualTo("planner");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Users");
		browser.screenshot("accounts-admin-en");
		driver.get(url("/admin/?lang=fr"));
		// the signed-out visit of the organisation page was refused (401), as it should
		// be
		assertThat(browser.consoleErrors()).as("browser console errors")
			.allMatch(e -> e.contains("/api/account - Failed to load resource") && e.contains("401"));
	}

}
