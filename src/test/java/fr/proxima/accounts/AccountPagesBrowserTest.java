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

	void accessible(String page) throws Exception {
		browser.screenshot("accounts-" + page);
		assertThat(browser.seriousAccessibilityViolations()).as("axe-core on " + page).isEmpty();
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
		user("saad@test.proxima.fr", List.of(org), Role.CONTRIBUTOR);

		driver.get(url("/login/"));
		accessible("login");
		signIn("saad@test.proxima.fr");
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "saad@test.proxima.fr"));
		accessible("account");

		driver.get(url("/organisation/?id=" + org));
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), ""));
		WebElement phone = driver.findElement(By.id("offer-" + offer + "-phone"));
		assertThat(phone.getAttribute("value")).isEqualTo("0466000000");
		accessible("organisation");
		phone.clear();
		phone.sendKeys("04 66 12 34 56");
		WebElement zone = driver.findElement(By.id("offer-" + offer + "-zoneCommunes"));
		zone.clear();
		zone.sendKeys("48095, 48080");
		driver.findElement(By.cssSelector("#offer-" + offer + "-form button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBe(By.id("status"), "Modifications enregistrées."));
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "04 66 12 34 56"));
		browser.screenshot("accounts-organisation-saved");

		driver.findElement(By.cssSelector("#logout-form button")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login/?logout"));
		driver.get(url("/organisation/?id=" + org));
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login/"));

		driver.get(url("/organisation/offer.html?id=" + offer));
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBe(By.cssSelector("dd.phone"), "04 66 12 34 56"));
		assertThat(driver.findElement(By.cssSelector("dd.zone")).getText()).isEqualTo("48080, 48095");
		assertThat(driver.findElement(By.cssSelector("dd.verified")).getText()).startsWith("Vérifiée le")
			.doesNotContain("—");
		accessible("offer");

		user("admin@test.proxima.fr", List.of(), Role.ADMIN);
		signIn("admin@test.proxima.fr");
		driver.get(url("/admin/"));
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("users"), "saad@test.proxima.fr"));
		accessible("admin");
	}

}
