package fr.proxima.importing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import fr.proxima.ProximaApplication;
import fr.proxima.support.InventedPlaces;
import fr.proxima.support.RequirePostgis;
import fr.proxima.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

// issue 10: the application in a child process is killed with kill -9 in the middle of an import, into H2 and into
// PostGIS, then restarted: the previous data is intact and a re-import succeeds. The child runs the jar's main class
// (fr.proxima.ProximaApplication) from the test classpath, because ./mvnw test runs before the jar is packaged.
class KillDuringImportTest {

	static final String TOKEN = "kill-test-token";

	@Test
	void killedDuringAnImportIntoH2TheStoreKeepsItsPreviousData() throws Exception {
		Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "kill-h2-");
		killDuringImport("H2", List.of("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("proxima")));
	}

	@Test
	@ExtendWith(RequirePostgis.class)
	void killedDuringAnImportIntoPostgisTheStoreKeepsItsPreviousData() throws Exception {
		try {
			killDuringImport("PostGIS",
					List.of("--spring.datasource.url=" + RequirePostgis.URL,
							"--spring.datasource.username=" + RequirePostgis.USER,
							"--spring.datasource.password=" + RequirePostgis.PASSWORD));
		}
		finally {
			// other test contexts on this database expect the tables they filled
			// themselves
			try (Connection c = DriverManager.getConnection(RequirePostgis.URL, RequirePostgis.USER,
					RequirePostgis.PASSWORD)) {
				JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(c, true));
				jdbc.update("DELETE FROM offer_times");
				InventedPlaces.clear(jdbc);
			}
		}
	}

	private void killDuringImport(String db, List<String> database) throws Exception {
		Path folder = SharedData.root();
		String status;
		Child first = Child.start(database);
		try {
			assertThat(first.post("/api/admin/imports/folder?path=" + encode(folder)).statusCode()).isEqualTo(200);
			status = first.get("/api/status").body();
			// the second import of the same folder is killed once it has begun
			CompletableFuture<HttpResponse<String>> second = first.client
				.sendAsync(first.request("/api/admin/imports/folder?path=" + encode(folder))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());
			first.awaitLog("Importing communes", 60);
			assertThat(second).as("the import is still running when killed").isNotDone();
			first.kill();
		}
		finally {
			first.kill();
		}
		Child restarted = Child.start(database);
		try {
			assertThat(restarted.get("/api/status").body()).as("the data before the killed import").isEqualTo(status);
			HttpResponse<String> again = restarted.post("/api/admin/imports/folder?path=" + encode(folder));
			assertThat(again.statusCode()).isEqualTo(200);
			assertThat(again.body()).contains("\"status\":\"SUCCEEDED\"");
			assertThat(restarted.get("/api/status").body()).isEqualTo(status);
			System.out.printf("[KillDuringImport] %s: killed mid-import, restarted, data intact (%s), re-import OK%n",
					db, status);
		}
		finally {
			restarted.kill();
		}
	}

	private static String encode(Path p) {
		return URLEncoder.encode(p.toAbsolutePath().toString(), StandardCharsets.UTF_8);
	}

	/** The application in a child JVM, its log in a file; every wait is bounded. */
	static final class Child {

		final Process process;

		final Path log;

		final int port;

		final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		private Child(Process process, Path log, int port) {
			this.process = process;
			this.log = log;
			this.port = port;
		}

		static Child start(List<String> database) throws Exception {
			int port;
			try (ServerSocket s = new ServerSocket(0)) {
				port = s.getLocalPort();
			}
			Path log = Files.createTempFile(Path.of("target").toAbsolutePath(), "kill-child-", ".log");
			List<String> command = new ArrayList<>(List.of(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
					System.getProperty("java.class.path"), ProximaApplication.class.getName(), "--server.port=" + port,
					"--proxima.admin-token=" + TOKEN, "--proxima.routing.auto-refresh=false",
					"--proxima.import.data-dir=", "--proxima.rate-limit.enabled=false"));
			command.addAll(database);
			Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			Child child = new Child(p, log, port);
			child.awaitLog("Started ProximaApplication", 180);
			return child;
		}

		void awaitLog(String text, int seconds) throws Exception {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
			while (System.nanoTime() < deadline) {
				if (Files.readString(log).contains(text)) {
					return;
				}
				if (!process.isAlive()) {
					throw new IllegalStateException("the child stopped: " + tail());
				}
				Thread.sleep(50);
			}
			throw new IllegalStateException("no '" + text + "' in the child's log within " + seconds + " s: " + tail());
		}

		private String tail() throws IOException {
			String all = Files.readString(log);
			return all.substring(Math.max(0, all.length() - 3000));
		}

		HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("X-Proxima-Admin-Token", TOKEN)
				.timeout(Duration.ofSeconds(120));
		}

		HttpResponse<String> get(String path) throws Exception {
			return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path) throws Exception {
			return client.send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		/** {@code kill -9}: no shutdown hook, no rollback by the application itself. */
		void kill() throws Exception {
			if (process.isAlive()) {
				new ProcessBuilder("kill", "-9", Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
				process.waitFor(30, TimeUnit.SECONDS);
			}
		}

	}

}
