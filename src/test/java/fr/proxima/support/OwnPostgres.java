package fr.proxima.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL cluster of a test's own (issue 10 fault tests): Debian's
 * {@code initdb}/{@code pg_ctl} on a fresh data folder under the system temp folder and a
 * free port, so that the test can stop and restart it without touching the shared cluster
 * on 5432. PostgreSQL refuses to run as root (CI runs as root): the binaries then run as
 * the {@code postgres} user through {@code runuser}, on a folder that user owns. Without
 * the binaries the test skips on a laptop and fails in CI ({@code CI=true} or
 * {@code PROXIMA_REQUIRE_POSTGIS=true}). Every wait is bounded.
 */
public final class OwnPostgres implements AutoCloseable {

	public static final Path BIN = Path
		.of(System.getenv().getOrDefault("PROXIMA_PG_BIN", "/usr/lib/postgresql/15/bin"));

	public final Path data;

	public final int port;

	private final boolean asPostgresUser;

	private OwnPostgres(Path data, int port, boolean asPostgresUser) {
		this.data = data;
		this.port = port;
		this.asPostgresUser = asPostgresUser;
	}

	/**
	 * Initialises and starts a cluster with the PostGIS extension in database
	 * {@code proxima}.
	 */
	public static OwnPostgres start() throws Exception {
		String missing = !Files.isExecutable(BIN.resolve("initdb")) ? "no PostgreSQL binaries in " + BIN
				: !Files.exists(Path.of("/usr/share/postgresql/15/extension/postgis.control"))
						? "no PostGIS extension for PostgreSQL 15" : null;
		boolean root = "root".equals(System.getProperty("user.name"));
		if (missing == null && root && !Files.isExecutable(Path.of("/usr/sbin/runuser"))) {
			missing = "running as root without runuser to switch to the postgres user";
		}
		if (missing != null) {
			if (RequirePostgis.required()) {
				throw new IllegalStateException("This fault test needs its own PostgreSQL in CI, but " + missing
						+ ": install postgresql-15-postgis-3 (as .ci/run does)");
			}
			Assumptions.abort("Skipping the PostgreSQL outage test: " + missing
					+ ". To enable it, install postgresql-15 and postgresql-15-postgis-3 (Debian).");
		}
		Path data = Files.createTempDirectory("proxima-own-pg-");
		int port;
		try (ServerSocket s = new ServerSocket(0)) {
			port = s.getLocalPort();
		}
		OwnPostgres pg = new OwnPostgres(data, port, root);
		if (root) {
			run(List.of("chown", "postgres:postgres", data.toString()), 30);
		}
		pg.pg(List.of(BIN.resolve("initdb").toString(), "-D", data.resolve("db").toString(), "-U", "proxima",
				"--auth=trust", "-E", "UTF8", "--no-sync"), 120);
		pg.startServer();
		try (Connection c = DriverManager.getConnection(pg.url("postgres"), "proxima", "")) {
			c.createStatement().execute("CREATE DATABASE proxima");
		}
		try (Connection c = DriverManager.getConnection(pg.url("proxima"), "proxima", "")) {
			c.createStatement().execute("CREATE EXTENSION postgis");
		}
		return pg;
	}

	public String url(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	public void startServer() throws Exception {
		pg(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-l",
				data.resolve("server.log").toString(), "-w", "-t", "60", "-o",
				"-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), 90);
	}

	/** Stops the server at once, as an outage would: connections are cut. */
	public void stopServer() throws Exception {
		pg(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-w", "-t", "60", "-m",
				"immediate", "stop"), 90);
	}

	public boolean isUp() {
		try (Connection c = DriverManager.getConnection(url("proxima"), "proxima", "")) {
			return c.isValid(2);
		}
		catch (SQLException e) {
			return false;
		}
	}

	private void pg(List<String> command, int timeoutSeconds) throws Exception {
		List<String> full = new ArrayList<>();
		if (asPostgresUser) {
			full.addAll(List.of("/usr/sbin/runuser", "-u", "postgres", "--"));
		}
		full.addAll(command);
		run(full, timeoutSeconds);
	}

	private static void run(List<String> command, int timeoutSeconds) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out;
		if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + command);
		}
		out = new String(p.getInputStream().readAllBytes());
		if (p.exitValue() != 0) {
			throw new IllegalStateException("failed (" + p.exitValue() + "): " + command + "\n" + out);
		}
	}

	@Override
	public void close() throws Exception {
		try {
			if (Files.exists(data.resolve("db/postmaster.pid"))) {
				stopServer();
			}
		}
		finally {
			try (Stream<Path> walk = Files.walk(data)) {
				walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
			catch (IOException e) {
				// a leftover temp folder is harmless
			}
		}
	}

}
