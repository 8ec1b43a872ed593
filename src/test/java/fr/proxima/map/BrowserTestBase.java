package fr.proxima.map;

import fr.proxima.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Chromium per test class, a desktop-sized window before each test, and no console
 * error (script error, policy violation, missing file) after it.
 */
@MapBrowserTest
abstract class BrowserTestBase {

	static Browser browser;

	@LocalServerPort
	int port;

	AppApi api;

	MapPage page;

	@BeforeAll
	static void startBrowser() {
		browser = new Browser();
	}

	@AfterAll
	static void stopBrowser() {
		browser.close();
	}

	@BeforeEach
	void desktop() {
		api = new AppApi(port);
		page = new MapPage(browser);
		browser.width(1280, 900);
	}

	@AfterEach
	void noScriptErrorNorPolicyViolation() {
		assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
	}

}
