package fr.proxima.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class against a real PostGIS. On a laptop without one the class is skipped
 * with a message saying how to enable it; in CI ({@code CI=true} or
 * {@code PROXIMA_REQUIRE_POSTGIS=true}) a missing PostGIS fails the build.
 */
public class RequirePostgis implements ExecutionCondition {

	public static final String URL = env("PROXIMA_TEST_PG_URL", "jdbc:postgresql://localhost:5432/proxima_test");

	public static final String USER = env("PROXIMA_TEST_PG_USER", "proxima");

	public static final String PASSWORD = env("PROXIMA_TEST_PG_PASSWORD", "proxima");

	/** How every skip message starts ({@link SkippedPostgisSummary} counts them). */
	public static final String SKIP_PREFIX = "Skipping PostGIS tests: ";

	private static volatile String unavailable;

	private static volatile boolean checked;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String problem = check();
		if (problem == null) {
			return ConditionEvaluationResult.enabled("PostGIS reachable at " + URL);
		}
		if (required()) {
			throw new IllegalStateException(
					"PostGIS is required here (CI or PROXIMA_REQUIRE_POSTGIS=true) but " + problem);
		}
		return ConditionEvaluationResult.disabled(SKIP_PREFIX + problem
				+ ". To enable them, install postgresql-15-postgis-3 and create the database as .ci/run does,"
				+ " or point PROXIMA_TEST_PG_URL/_USER/_PASSWORD at a PostGIS database.");
	}

	private static synchronized String check() {
		if (!checked) {
			try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
				c.createStatement().executeQuery("SELECT postgis_version()").close();
			}
			catch (SQLException e) {
				unavailable = "PostGIS is not reachable at " + URL + " (" + e.getMessage() + ")";
			}
			checked = true;
		}
		return unavailable;
	}

	public static boolean required() {
		return "true".equalsIgnoreCase(System.getenv("CI"))
				|| "true".equalsIgnoreCase(System.getenv("PROXIMA_REQUIRE_POSTGIS"));
	}

	private static String env(String name, String fallback) {
		String v = System.getenv(name);
		return v == null || v.isBlank() ? fallback : v;
	}

}
