package fr.proxima.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import fr.proxima.support.H2Test;
import fr.proxima.support.InventedPlaces;
import fr.proxima.support.RawHttp;
import fr.proxima.support.RawHttp.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

// issue 10: limits before work (admin token before the upload is read, body size, matrix cells, rate limit) and
// exposure (public base URL, anonymous health, security headers)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "proxima.admin-token=" + EdgeLimitsTest.TOKEN,
				"spring.servlet.multipart.location=target/edge-limits-uploads", "proxima.rate-limit.enabled=true",
				"proxima.rate-limit.requests=5", "proxima.rate-limit.period=1m",
				"proxima.public-url=https://proxima.example.org",
				"proxima.map.tile-url=https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png" })
@H2Test
class EdgeLimitsTest {

	static final String TOKEN = "edge-admin-token";

	static final Path UPLOADS = Path.of("target/edge-limits-uploads");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	RawHttp http;

	@BeforeEach
	void invented() throws IOException {
		Files.createDirectories(UPLOADS);
		http = new RawHttp(port);
		InventedPlaces.load(jdbc);
	}

	@AfterEach
	void empty() {
		InventedPlaces.clear(jdbc);
	}

	@Test
	void anUnauthenticatedHundredMegabyteUploadIsRefusedWithoutBeingWrittenToDisk() throws Exception {
		for (String token : new String[] { null, "wrong" }) {
			AtomicLong largest = new AtomicLong();
			Thread watcher = daemon(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					largest.accumulateAndGet(spooled(), Math::max);
					try {
						Thread.sleep(10);
					}
					catch (InterruptedException e) {
						return;
					}
				}
			});
			long sent;
			String answer;
			try (Socket socket = new Socket("127.0.0.1", port)) {
				socket.setSoTimeout(30_000);
				long size = 100L * 1024 * 1024;
				String head = "POST /api/admin/imports/offers HTTP/1.1\r\nHost: localhost\r\n"
						+ "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + size + "\r\n"
						+ (token == null ? "" : "X-Proxima-Admin-Token: " + token + "\r\n") + "\r\n";
				OutputStream out = socket.getOutputStream();
				out.write(head.getBytes(StandardCharsets.ISO_8859_1));
				AtomicLong written = new AtomicLong();
				Thread writer = daemon(() -> {
					byte[] block = new byte[64 * 1024];
					try {
						out.write("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n\r\n"
							.getBytes(StandardCharsets.ISO_8859_1));
						while (written.get() < size - block.length) {
							out.write(block);
							written.addAndGet(block.length);
						}
					}
					catch (IOException e) {
						// the server closed the connection after its answer
					}
				});
				answer = new String(readSome(socket.getInputStream()), StandardCharsets.UTF_8);
				writer.join(30_000);
				sent = written.get();
			}
			finally {
				watcher.interrupt();
				watcher.join(5_000);
			}
			assertThat(answer).startsWith("HTTP/1.1 401").contains("application/problem+json");
			assertThat(largest.get()).as("bytes spooled under the multipart location").isZero();
			assertThat(sent).as("the server stopped the upload long before its end").isLessThan(100L * 1024 * 1024);
		}
	}

	private static Thread daemon(Runnable task) {
		Thread t = new Thread(task);
		t.setDaemon(true);
		t.start();
		return t;
	}

	private static long spooled() {
		try (Stream<Path> files = Files.walk(UPLOADS)) {
			return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
		}
		catch (IOException | java.io.UncheckedIOException e) {
			return 0; // a file removed while walking
		}
	}

	private static byte[] readSome(InputStream in) throws IOException {
		byte[] buffer = new byte[4096];
		int n = in.read(buffer);
		return n <= 0 ? new byte[0] : java.util.Arrays.copyOf(buffer, n);
	}

	@Test
	void aJsonBodyOverTheLimitAnswers413AndSoDoesAMatrixOverTheCellLimit() throws Exception {
		String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
		Answer tooLarge = http.json("POST", "/api/coverage/scenarios", "application/json", big);
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.isProblem()).isTrue();
		StringBuilder points = new StringBuilder("[3.5,44.5]");
		for (int i = 1; i < 201; i++) {
			points.append(",[3.5,44.5]");
		}
		// 201 × 201 = 40,401 cells, just over the default 40,000
		Answer cells = http.json("POST", "/api/routing/matrix", "application/json", "{\"sources\":[" + points + "]}");
		assertThat(cells.status()).isEqualTo(413);
		assertThat(cells.body()).contains("max-matrix-cells");
	}

	@Test
	void theRateLimitAnswers429WithRetryAfter() throws Exception {
		String isochrone = "/api/routing/isochrones?point=3.5,44.52&minutes=10";
		// the bucket holds 5 tokens; another test of this class may have spent some
		Answer limited = null;
		for (int i = 0; i < 6 && limited == null; i++) {
			Answer a = http.get(isochrone);
			if (a.status() == 429) {
				limited = a;
			}
			else {
				assertThat(a.status()).isEqualTo(200);
			}
		}
		assertThat(limited).as("a 429 within 6 requests").isNotNull();
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.isProblem()).isTrue();
		assertThat(Long.parseLong(limited.header("retry-after"))).isBetween(1L, 60L);
		// reads that compute nothing are not limited
		assertThat(http.get("/api/offers?limit=1").status()).isEqualTo(200);
	}

	@Test
	void absoluteLinksComeFromThePublicUrlNeverFromTheHostHeader() throws Exception {
		Answer page = http.send(RawHttp.head("GET", "/api/offers?limit=1")
			.replace("Host: localhost", "Host: evil.example\r\nX-Forwarded-Host: evil2.example"), new byte[0]);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("\"next\":\"https://proxima.example.org/api/offers?").doesNotContain("evil");
		Answer docs = http.send(RawHttp.head("GET", "/v3/api-docs").replace("Host: localhost", "Host: evil.example"),
				new byte[0]);
		assertThat(docs.body()).contains("https://proxima.example.org").doesNotContain("evil");
		Answer links = http.send(RawHttp.head("GET", "/actuator").replace("Host: localhost", "Host: evil.example"),
				new byte[0]);
		assertThat(links.body()).contains("https://proxima.example.org/actuator").doesNotContain("evil");
	}

	@Test
	void anonymousHealthSaysUpOnlyAndTheAdminTokenShowsTheDetails() throws Exception {
		Answer anonymous = http.get("/actuator/health");
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.body()).contains("\"status\":\"UP\"")
			.doesNotContain("components")
			.doesNotContain("diskSpace")
			.doesNotContain("H2");
		assertThat(http.get("/actuator/health", "X-Proxima-Admin-Token: wrong").body()).doesNotContain("components");
		Answer admin = http.get("/actuator/health", "X-Proxima-Admin-Token: " + TOKEN);
		assertThat(admin.body()).contains("components").contains("db").contains("roadGraph");
	}

	@Test
	void everyResponseCarriesTheSecurityHeadersAndOnlyTheWidgetMayBeFramed() throws Exception {
		for (Answer a : new Answer[] { http.get("/api/offers?limit=1"), http.get("/api/nothing"), http.get("/api/%zz"),
				http.get("/"), http.get("/api/offers?q=%00") }) {
			assertThat(a.header("x-content-type-options")).isEqualTo("nosniff");
			assertThat(a.header("referrer-policy")).isEqualTo("strict-origin-when-cross-origin");
			assertThat(a.header("content-security-policy")).contains("default-src 'self'")
				.contains("img-src 'self' data: https://*.tile.openstreetmap.org")
				.contains("script-src 'self'")
				.contains("frame-ancestors 'none'");
			assertThat(a.header("x-frame-options")).isEqualTo("DENY");
		}
		// the widget keeps the site's policy, and the embed module's frame-ancestors
		// (proxima.embed.allowed-origins, any by default) beside it
		Answer widget = http.get("/embed");
		assertThat(widget.header("x-content-type-options")).isEqualTo("nosniff");
		assertThat(widget.header("content-security-policy")).contains("default-src 'self'")
			.contains("frame-ancestors *")
			.doesNotContain("frame-ancestors 'none'");
		assertThat(widget.header("x-frame-options")).isNull();
	}

}
