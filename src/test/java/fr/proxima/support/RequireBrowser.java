package fr.proxima.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}). On a laptop without them the class is skipped with a message
 * saying how to enable it; in CI ({@code CI=true} or
 * {@code PROXIMA_REQUIRE_BROWSER=true}) a missing browser fails the build.
 */
public class RequireBrowser implements ExecutionCondition {

	public static final Path CHROMIUM = Path.of(env("PROXIMA_CHROMIUM", "/usr/bin/chromium"));

	public static final Path CHROMEDRIVER = Path.of(env("PROXIMA_CHROMEDRIVER", "/usr/bin/chromedriver"));

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String problem = problem();
		if (problem == null) {
			return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM + ", chromedriver at " + CHROMEDRIVER);
		}
		if (required()) {
			throw new IllegalStateException(
					"A browser is required here (CI or PROXIMA_REQUIRE_BROWSER=true) but " + problem);
		}
		return ConditionEvaluationResult.disabled("Skipping browser tests: " + problem
				+ ". To enable them, install Debian's chromium and chromium-driver (apt-get install chromium"
				+ " chromium-driver, as .ci/run does) or set PROXIMA_CHROMIUM and PROXIMA_CHROMEDRIVER.");
	}

	static String problem() {
		for (Path p : new Path[] { CHROMIUM, CHROMEDRIVER }) {
			if (!Files.isExecutable(p)) {
				return p + " is missing or not executable";
			}
		}
		return null;
	}

	static boolean required() {
		return "true".equalsIgnoreCase(System.getenv("CI"))
				|| "true".equalsIgnoreCase(System.getenv("PROXIMA_REQUIRE_BROWSER"));
	}

	private static String env(String name, String fallback) {
		String v = System.getenv(name);
		return v == null || v.isBlank() ? fallback : v;
	}

}
