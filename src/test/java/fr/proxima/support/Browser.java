package fr.proxima.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One headless Debian Chromium for a test class, with a temporary home and a fresh
 * profile (never the real home folder), and what the page tests need around it:
 * screenshots under {@code target/screenshots/}, axe-core injected from its webjar, the
 * browser's console.
 */
public final class Browser implements AutoCloseable {

	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final Path home;

	private final ChromeDriver driver;

	public Browser() {
		try {
			home = Files.createTempDirectory("proxima-chromium");
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(RequireBrowser.CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.withEnvironment(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(),
						"XDG_CACHE_HOME", home.resolve("cache").toString()))
				.build();
			ChromeOptions options = new ChromeOptions();
			options.setBinary(RequireBrowser.CHROMIUM.toFile());
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + home.resolve("profile"));
			LoggingPreferences logs = new LoggingPreferences();
			logs.enable(LogType.BROWSER, Level.ALL);
			options.setCapability("goog:loggingPrefs", logs);
			driver = new ChromeDriver(service, options);
			driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public ChromeDriver driver() {
		return driver;
	}

	public WebDriverWait waiting() {
		return new WebDriverWait(driver, Duration.ofSeconds(30));
	}

	/** The viewport width (CSS pixels) and a height; the phone widths are emulated. */
	public void width(int width, int height) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
		driver.manage().window().setSize(new Dimension(Math.max(width, 500), height + 100));
	}

	/** Switches into an iframe once it is there and loaded. */
	public void switchToFrameWhenReady(By frame) {
		waiting().until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(frame));
		waiting().until(d -> d.findElements(By.id("finder")).size() == 1);
	}

	/** Empties the browser's HTTP cache, for a first visit. */
	public void clearCache() {
		driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
	}

	/**
	 * Bytes transferred for the current page and everything it loaded so far, from the
	 * resource timing API (headers included; 0 for what came from a cache).
	 */
	public long transferredBytes() {
		return ((Number) driver.executeScript("return performance.getEntriesByType('navigation')"
				+ ".concat(performance.getEntriesByType('resource'))"
				+ ".reduce((sum, e) => sum + e.transferSize, 0);"))
			.longValue();
	}

	/**
	 * Saves the whole page (beyond the viewport, as a user scrolling it would see it) as
	 * {@code target/screenshots/<name>.png}.
	 */
	@SuppressWarnings("unchecked")
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
			Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
			Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height",
					Math.min(((Number) size.get("height")).doubleValue(), 4000), "scale", 1);
			Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
					Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Runs axe-core (WCAG 2.x A and AA rules) on the current page and returns its serious
	 * and critical violations, one line each with the offending elements.
	 */
	public List<String> seriousAccessibilityViolations() {
		driver.executeScript(axeSource());
		String result = (String) driver.executeAsyncScript(
				"const done = arguments[arguments.length - 1];" + "axe.run(document, { resultTypes: ['violations'] })"
						+ ".then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{id: 'axe-error',"
						+ " impact: 'critical', help: String(e), nodes: []}])));");
		List<String> serious = new ArrayList<>();
		for (JsonNode v : JSON.readTree(result)) {
			String impact = v.path("impact").asString();
			if ("serious".equals(impact) || "critical".equals(impact)) {
				List<String> targets = new ArrayList<>();
				v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
				serious.add(impact + " " + v.path("id").asString() + ": " + v.path("help").asString() + " " + targets);
			}
		}
		return serious;
	}

	private static String axeSource() {
		try (InputStream in = Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/"
				+ System.getProperty("proxima.axe-core.version", "4.6.3") + "/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe-core webjar not on the test classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The console messages of level SEVERE since the last call (CSP violations, script
	 * errors).
	 */
	public List<String> consoleErrors() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	@Override
	public void close() {
		driver.quit();
		try (Stream<Path> files = Files.walk(home)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException e) {
			// a temporary folder left behind is harmless
		}
	}

}
