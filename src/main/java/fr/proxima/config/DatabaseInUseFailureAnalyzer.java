package fr.proxima.config;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * The embedded H2 file is locked by another process (in practice the running server, when
 * an import command or a second server starts on the same file): one clear line instead
 * of the driver's stack trace.
 */
class DatabaseInUseFailureAnalyzer implements FailureAnalyzer {

	/** H2's "Database may be already in use" error code. */
	private static final int H2_DATABASE_ALREADY_OPEN = 90020;

	private final Environment environment;

	DatabaseInUseFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof SQLException e && e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
				return new FailureAnalysis(
						"the database " + database()
								+ " is in use by a running Proxima server: stop it, or use the admin import endpoint",
						"Stop the server that holds the database, or import through it: POST /api/admin/imports/{kind}"
								+ " or /api/admin/imports/folder (docs/importing.md).",
						failure);
			}
		}
		return null;
	}

	/** The H2 database file named by the URL, e.g. {@code ./data/proxima}. */
	private String database() {
		String url = environment.getProperty("spring.datasource.url", "");
		String name = url.replaceFirst("^jdbc:h2:(file:)?", "");
		int options = name.indexOf(';');
		return options < 0 ? name : name.substring(0, options);
	}

}
