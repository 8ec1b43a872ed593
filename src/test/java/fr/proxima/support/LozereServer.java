package fr.proxima.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import fr.proxima.importing.DirectoryImportReport;
import fr.proxima.importing.ImportReport;
import fr.proxima.importing.ImportService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the tests that talk HTTP to the running app
 * ({@code @SpringBootTest(webEnvironment
 * = RANDOM_PORT)} with {@code @H2Test} or {@code @PostgisTest}) over the real Lozère data
 * imported from {@code ../shared/data}, once per test class and database.
 */
public abstract class LozereServer {

	private static final Set<Class<?>> imported = new HashSet<>();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	ImportService imports;

	/**
	 * Whether the tests need the Lozère data (a test of something else may skip the
	 * import).
	 */
	protected boolean needsLozere() {
		return true;
	}

	@BeforeEach
	void importLozereOnce() {
		if (needsLozere() && imported.add(getClass())) {
			InventedPlaces.clear(jdbc);
			DirectoryImportReport report = imports.importDirectory(SharedData.root());
			assertThat(report.status()).as(report.toString()).isEqualTo(ImportReport.Status.SUCCEEDED);
		}
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	protected HttpResponse<byte[]> get(String path, String... headers) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60));
		if (headers.length > 0) {
			b.headers(headers);
		}
		try {
			return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new IllegalStateException("GET " + path + " failed", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** The body of a GET that must answer 200. */
	protected String ok(String path) {
		HttpResponse<byte[]> r = get(path);
		String body = new String(r.body(), StandardCharsets.UTF_8);
		assertThat(r.statusCode()).as("GET %s: %s", path, body).isEqualTo(200);
		return body;
	}

}
