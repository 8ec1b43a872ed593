package fr.proxima.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for page tests, with axe-core from its webjar. A test class
 * using it is skipped with a message when Chromium is missing, and fails instead in CI
 * ({@code CI=true} or {@code PROXIMA_REQUIRE_BROWSER=true}).
 */
public final class Browser implements ExecutionCondition {

	static final File CHROMIUM = new File("/usr/bin/chromium");

	static final File DRIVER = new File("/usr/bin/chromedriver");

	private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (CHROMIUM.canExecute() && DRIVER.canExecute()) {
			return ConditionEvaluationResult.enabled("Chromium found");
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))
				|| "true".equalsIgnoreCase(System.getenv("PROXIMA_REQUIRE_BROWSER"))) {
			throw new IllegalStateException("Browser tests are required here (CI or PROXIMA_REQUIRE_BROWSER=true) but "
					+ CHROMIUM + " or " + DRIVER + " is missing: apt-get install chromium chromium-driver");
		}
		return ConditionEvaluationResult.disabled("Skipping browser tests: " + CHROMIUM + " or " + DRIVER
				+ " is missing (apt-get install chromium chromium-driver to run them)");
	}

	/** A fresh headless Chromium with its own profile and home under target/. */
	public static ChromeDriver start() throws IOException {
		Path home = Files.createTempDirectory(Path.of("target"), "chromium-home");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1280,1000", "--user-data-dir=" + home.resolve("profile").toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
			.withEnvironment(Map.of("HOME", home.toAbsolutePath().toString(), "XDG_CONFIG_HOME",
					home.resolve("config").toAbsolutePath().toString(), "XDG_CACHE_HOME",
					home.resolve("cache").toAbsolutePath().toString()))
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		return driver;
	}

	/**
	 * The serious and critical axe-core violations of the current page ("rule: nodes").
	 */
	@SuppressWarnings("unchecked")
	public static List<String> seriousViolations(ChromeDriver driver) throws IOException {
		try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
			driver.executeScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		return (List<String>) driver.executeAsyncScript(
				"const done = arguments[arguments.length - 1];" + "axe.run(document).then(r => done(r.violations"
						+ ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
						+ ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))));");
	}

	/** A screenshot under target/screenshots/. */
	public static void screenshot(ChromeDriver driver, String name) throws IOException {
		Path dir = Files.createDirectories(Path.of("target", "screenshots"));
		Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
	}

}
