package fr.proxima.tours;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import fr.proxima.accounts.Role;
import fr.proxima.accounts.internal.AccountService;
import fr.proxima.importing.DirectoryImportReport;
import fr.proxima.importing.ImportReport;
import fr.proxima.importing.ImportService;
import fr.proxima.support.Browser;
import fr.proxima.support.H2Test;
import fr.proxima.support.InventedPlaces;
import fr.proxima.support.RequireBrowser;
import fr.proxima.support.SharedData;
import fr.proxima.support.TestUsers;
import fr.proxima.tours.internal.TourChecks;
import fr.proxima.tours.internal.TourStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

// issue 13: in a real Chromium, the public sees the suppressed drive share per commune as a map and a table (French,
// English); a coordinator signs in, lists its tours, opens one with its legs and visits and optimises it with the
// keyboard; axe-core finds no serious or critical violation, at desktop width and at 360 px
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@H2Test
@ExtendWith(RequireBrowser.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToursPageBrowserTest {

	static final String PASSWORD = "a coordinator passphrase";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AccountService accounts;

	@Autowired
	ImportService imports;

	@Autowired
	TourChecks checks;

	@Autowired
	TourStore store;

	@Autowired
	TourService tours;

	Browser browser;

	ChromeDriver driver;

	long org;

	@BeforeAll
	void dataAndBrowser() throws Exception {
		InventedPlaces.clear(jdbc);
		DirectoryImportReport report = imports.importDirectory(SharedData.root());
		assertThat(report.status()).isEqualTo(ImportReport.Status.SUCCEEDED);
		jdbc.update("INSERT INTO organisation (name) VALUES ('SSIAD INVENTÉ DU GÉVAUDAN')");
		org = jdbc.queryForObject("SELECT MAX(id) FROM organisation", Long.class);
		jdbc.update("INSERT INTO offer (organisation_id, name, family, audience, geom, source_name, imported_at)"
				+ " VALUES (?, 'SSIAD inventé', 'ssiad', 'elderly', ST_GeomFromText('POINT(3.4993 44.5181)', 4326),"
				+ " 'test', CURRENT_TIMESTAMP)", org);
		store("IDE-1", ToursFixture.MENDE, 6);
		store("IDE-2", ToursFixture.MENDE, 6);
		store("IDE-3", ToursFixture.FLORAC, 6);
		store("IDE-4", ToursFixture.MARVEJOLS, 2);
		long user = TestUsers.user(jdbc, "coordination@test.proxima.fr", List.of(org), Role.COORDINATOR);
		jdbc.update("UPDATE app_user SET password_hash = ? WHERE id = ?", accounts.hash(PASSWORD), user);
		browser = new Browser();
		driver = browser.driver();
	}

	void store(String caregiver, double[] near, int visits) {
		List<TourInput.VisitInput> list = new java.util.ArrayList<>();
		for (int i = 0; i < visits; i++) {
			int from = 8 * 60 + 30 + 40 * i;
			list.add(new TourInput.VisitInput(near[0] + 0.004 * Math.cos(i), near[1] + 0.003 * Math.sin(i),
					String.format(Locale.ROOT, "%02d:%02d", from / 60, from % 60),
					String.format(Locale.ROOT, "%02d:%02d", (from + 60) / 60, (from + 60) % 60), 20, "hygiene"));
		}
		Tour t = checks.tour(org, new TourInput(LocalDate.of(2026, 11, 20), caregiver, "08:00", null, null, list),
				null);
		tours.computeAndSave(t.withId(store.insert(t)));
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

	void accessible(String name) throws Exception {
		browser.screenshot("tours-" + name);
		assertThat(browser.seriousAccessibilityViolations()).as("axe-core on " + name).isEmpty();
	}

	WebDriverWait waiting() {
		return new WebDriverWait(driver, Duration.ofSeconds(20));
	}

	@Test
	void publicSeesSuppressedAggregatesAndCoordinatorOptimisesItsTour() throws Exception {
		browser.width(1280, 900);
		driver.get(url("/tours/"));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#table tbody"), "Mende"));
		String table = driver.findElement(By.cssSelector("#table tbody")).getText();
		// Mende (12 visits) shown; Marvejols (2) and its complement Florac (6) hidden
		assertThat(table).contains("Mende", "12").doesNotContain("Marvejols", "Florac");
		assertThat(driver.findElement(By.id("total")).getText()).contains("20 visites");
		assertThat(driver.findElement(By.id("mine")).isDisplayed()).isFalse();
		assertThat(driver.findElements(By.cssSelector("#map path.leaflet-interactive")).size()).isGreaterThan(100);
		accessible("public-desktop");
		// keyboard: the skip link moves to the table
		driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
		assertThat(driver.switchTo().activeElement().getText()).contains("tableau");
		driver.switchTo().activeElement().sendKeys(Keys.ENTER);
		assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("table-heading");
		browser.width(360, 800);
		accessible("public-360");

		driver.get(url("/tours/?lang=en"));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#table tbody"), "Mende"));
		assertThat(driver.findElement(By.tagName("h1")).getText())
			.isEqualTo("Home-care tours: share of drive time per commune");
		browser.width(1280, 900);
		accessible("public-english");

		driver.get(url("/login/?next=%2Ftours%2F"));
		waiting().until(d -> !d.findElement(By.id("csrf")).getAttribute("value").isEmpty());
		driver.findElement(By.id("email")).sendKeys("coordination@test.proxima.fr");
		driver.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.screenshot("tours-sign-in");
		driver.findElement(By.cssSelector("#login button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.urlContains("/tours/"));
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("mine")));
		WebElement day = driver.findElement(By.id("day"));
		driver.executeScript("arguments[0].value = '2026-11-20'", day);
		driver.findElement(By.cssSelector("#mine-form button")).sendKeys(Keys.ENTER);
		waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#tour-list button"), 4));
		driver.findElement(By.cssSelector("#tour-list button")).sendKeys(Keys.ENTER);
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("optimise")));
		browser.screenshot("tours-coordinator-tour-opened");
		assertThat(driver.findElement(By.cssSelector("#tour-detail tbody")).getText()).contains("08:30–09:30");
		assertThat(driver.findElements(By.cssSelector(".visit-icon"))).hasSize(6);
		assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("tour-heading");
		accessible("coordinator-tour");
		driver.findElement(By.id("optimise")).sendKeys(Keys.ENTER);
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("optimisation"), "Après"));
		assertThat(driver.findElement(By.id("optimisation")).getText()).contains("Avant", "Conduite (min)");
		accessible("coordinator-optimised");
		browser.width(360, 800);
		accessible("coordinator-360");
	}

}
