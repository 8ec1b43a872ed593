package fr.proxima.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.proxima.support.H2Test;
import fr.proxima.support.InventedPlaces;
import fr.proxima.support.PostgisTest;
import fr.proxima.support.RawHttp;
import fr.proxima.support.RawHttp.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

// issue 10: every bad request of the probe, and a generated corpus per endpoint, sent over a raw socket so that the
// container's own checks are exercised: 100 % of answers are 4xx problem details, none a 5xx, no ERROR in the log
class BadInputRegressionTest {

	static final String TOKEN = "regression-admin-token";

	/**
	 * Values that are wrong for any parameter: bad escapes, control characters, an
	 * oversized URL.
	 */
	static final List<String> ANY_PARAMETER = List.of("%zz", "%", "%G1", "a%00b", "1,2%00", "%01", "%7F", "%C2%85",
			"%FF%FE", "x".repeat(9000));

	/** Wrong values by kind of parameter. */
	static final Map<String, List<String>> BY_KIND = Map.of("integer",
			List.of("abc", "1.5", "1.5d", "0x10", "1e3", "NaN", "--1", "99999999999999999999", "1%2C2"), "number",
			List.of("abc", "1.5d", "0x10", "NaN", "Infinity", "1e400", "-5", "0", "1%2C2"), "point",
			List.of("abc", "1", "1,2,3", "181,0", "0,91", "-181,-91", "NaN,NaN", "1.5d,2", "0x10,2", ",", "%2C",
					"Infinity,0", "1;2", "[1,2]"),
			"bbox",
			List.of("abc", "1,2,3", "3.6,44.6,3.5,44.5", "0,0,10,10", "181,0,182,1", "1.5d,44,2,45", ",,,",
					"%2C%2C%2C"),
			"families", List.of("nope", "ehpad,nope", "%2Czzz"), "enum", List.of("nope", "OUT", "%22in%22"), "code",
			List.of("zzz", "4809", "48095x", "..%2F..", "' OR 1=1--"), "bands",
			List.of(",", "%2C%2C%2C", "10,,30", "abc", "1.5d", "30,20,10", "0x10", "NaN", "10,20,999"), "boolean",
			List.of("maybe", "2"));

	/**
	 * GET endpoints: path, valid base parameters, then each parameter under test with its
	 * kind.
	 */
	record Endpoint(String path, String base, Map<String, String> parameters) {
	}

	static final String COVERAGE_BASE = "families=ssiad&departements=48";

	static final Map<String, String> COVERAGE_PARAMETERS = Map.of("families", "families", "minutes", "number",
			"departements", "code", "demand", "enum", "bands", "bands", "weights", "bands", "format", "enum");

	static final List<Endpoint> ENDPOINTS = List.of(
			new Endpoint("/api/offers", "",
					Map.of("bbox", "bbox", "family", "families", "audience", "enum", "commune", "code", "near", "point",
							"radius", "number", "organisation", "integer", "limit", "integer", "offset", "integer", "q",
							"text")),
			new Endpoint("/api/offers.geojson", "", Map.of("bbox", "bbox", "near", "point", "limit", "integer")),
			new Endpoint("/api/organisations", "", Map.of("limit", "integer", "offset", "integer")),
			new Endpoint("/api/communes", "", Map.of("departement", "code")),
			new Endpoint("/api/communes.geojson", "", Map.of("departement", "code")),
			new Endpoint("/api/coverage", COVERAGE_BASE, COVERAGE_PARAMETERS),
			new Endpoint("/api/coverage/uncovered", COVERAGE_BASE, COVERAGE_PARAMETERS),
			new Endpoint("/api/coverage/accessibility", COVERAGE_BASE, COVERAGE_PARAMETERS),
			new Endpoint("/api/coverage/accessibility/offers", COVERAGE_BASE, COVERAGE_PARAMETERS),
			new Endpoint("/api/coverage/accessibility/explain", COVERAGE_BASE + "&commune=48095",
					Map.of("commune", "code", "bands", "bands", "minutes", "number")),
			new Endpoint("/api/coverage/zones", COVERAGE_BASE, COVERAGE_PARAMETERS),
			new Endpoint("/api/coverage/suggestions", COVERAGE_BASE,
					Map.of("k", "integer", "family", "families", "bands", "bands", "minutes", "number")),
			new Endpoint("/api/routing/route", "from=3.5,44.52&to=3.7,44.6",
					Map.of("from", "point", "to", "point", "profile", "enum", "geometry", "boolean")),
			new Endpoint("/api/routing/isochrones", "point=3.5,44.52&minutes=10",
					Map.of("point", "point", "minutes", "integer", "profile", "enum", "direction", "enum")),
			new Endpoint("/api/routing/nearest-offers", "point=3.5,44.52",
					Map.of("point", "point", "limit", "integer", "family", "families", "audience", "enum",
							"cutoffMinutes", "integer", "profile", "enum", "direction", "enum")));

	/** Paths with a bad identifier. */
	static final List<String> BAD_PATHS = List.of("/api/offers/abc", "/api/offers/1.5d", "/api/offers/0x10",
			"/api/offers/99999999999999999999", "/api/offers/-1", "/api/offers/finess/zzz", "/api/offers/finess/a%00b",
			"/api/organisations/abc", "/api/organisations/finess/%01", "/api/communes/zzz", "/api/communes/48095%00",
			"/api/coverage/scenarios/abc", "/api/coverage/scenarios/999999", "/api/coverage/scenarios/1.5d/comparison",
			"/api/coverage/scenarios/999999/comparison?families=ssiad", "/api/nothing-here", "/error",
			"/WEB-INF/web.xml", "/META-INF/MANIFEST.MF", "/api/%zz", "/api/a%2Fb", "/api/a%5Cb",
			"/api/%2e%2e/%2e%2e/etc/passwd", "/%00", "/api/offers/%", "/api/offers/..;/..;/");

	/** JSON bodies: endpoint, body. Every one is wrong. */
	static final List<String[]> BAD_BODIES = List.of(new String[] { "/api/routing/matrix", "" },
			new String[] { "/api/routing/matrix", "{" }, new String[] { "/api/routing/matrix", "[]" },
			new String[] { "/api/routing/matrix", "null" },
			new String[] { "/api/routing/matrix", "{\"sources\":\"x\"}" },
			new String[] { "/api/routing/matrix", "{\"sources\":[[181,0]]}" },
			new String[] { "/api/routing/matrix", "{\"sources\":[[1e999,0]]}" },
			new String[] { "/api/routing/matrix", "{\"sources\":[[NaN,0]]}" },
			new String[] { "/api/routing/matrix", "{\"sources\":[[3.5]]}" },
			new String[] { "/api/routing/matrix", "{\"sources\":[[3.5,44.5]],\"cutoffMinutes\":-1}" },
			new String[] { "/api/routing/matrix", "{\"sources\":[[3.5,44.5]],\"cutoffMinutes\":1.5}" },
			new String[] { "/api/routing/matrix", "{\"sources\":[[3.5,44.5]],\"direction\":\"up\"}" },
			new String[] { "/api/routing/matrix", "{\"sources\":[[3.5,44.5]],\"profile\":\"\\u0000\"}" },
			new String[] { "/api/routing/matrix", "{\"sources\":" + "[".repeat(3000) + "]".repeat(3000) + "}" },
			new String[] { "/api/routing/matrix", "{\"sources\":[[3.5,44.5]],\"targets\":[[3.5,44.5]]}".repeat(3) },
			new String[] { "/api/routing/coverage", "{\"sources\":[[3.5,44.5]]}" },
			new String[] { "/api/routing/coverage", "{\"sources\":[[3.5,44.5]],\"minutes\":0}" },
			new String[] { "/api/routing/coverage",
					"{\"sources\":[[3.5,44.5]],\"minutes\":10,\"area\":{\"departement\":\"48\",\"commune\":\"48095\"}}" },
			new String[] { "/api/routing/coverage",
					"{\"sources\":[[3.5,44.5]],\"minutes\":10,\"area\":{\"commune\":\"zzz\"}}" },
			new String[] { "/api/routing/coverage",
					"{\"sources\":[[3.5,44.5]],\"minutes\":10,\"area\":{\"geometry\":{\"type\":\"Polygon\","
							+ "\"coordinates\":[[[0,0],[500,0],[500,95],[0,0]]]}}}" },
			new String[] { "/api/routing/coverage",
					"{\"sources\":[[3.5,44.5]],\"minutes\":10,\"area\":{\"geometry\":{\"type\":\"Point\"}}}" },
			new String[] { "/api/coverage/scenarios", "{}" },
			new String[] { "/api/coverage/scenarios", "{\"name\":\"a\\u0000b\"}" },
			new String[] { "/api/coverage/scenarios",
					"{\"name\":\"ok\",\"sites\":[{\"name\":\"s\\u0001\",\"family\":\"ssiad\",\"lon\":3.5,\"lat\":44.5}]}" },
			new String[] { "/api/coverage/scenarios",
					"{\"name\":\"ok\",\"sites\":[{\"name\":\"s\",\"family\":\"ssiad\",\"lon\":200,\"lat\":44.5}]}" },
			new String[] { "/api/coverage/scenarios",
					"{\"name\":\"ok\",\"sites\":[{\"name\":\"s\",\"family\":\"nope\",\"lon\":3.5,\"lat\":44.5}]}" },
			new String[] { "/api/coverage/scenarios", "{\"name\":\"ok\",\"sites\":\"many\"}" },
			new String[] { "/api/coverage/scenarios", "{\"name\":\"ok\",\"closures\":[\"x\"]}" },
			new String[] { "/api/coverage/scenarios", "{\"name\":\"ok\",\"closures\":[999999999]}" });

	/** Whole requests written by hand: the container's own checks. */
	static List<String> rawRequests() {
		String big = "a".repeat(9000);
		return List.of("GET /api/offers?" + big + " HTTP/1.1\r\nHost: localhost",
				"GET /api/offers HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big,
				"GET /api/offers HTTP/1.1\r\nHost: localhost\r\n" + "X-Many: 1\r\n".repeat(200) + "X-End: 1",
				"FOO /api/offers HTTP/1.1\r\nHost: localhost", "TRACE /api/offers HTTP/1.1\r\nHost: localhost",
				"PROPFIND /api/offers HTTP/1.1\r\nHost: localhost", "G@T /api/offers HTTP/1.1\r\nHost: localhost",
				"GET /api/offers HTTP/9.9\r\nHost: localhost",
				"GET /api/offers HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1",

				"GET /api/offers HTTP/1.1\r\nHost: localhost\r\nHost: evil.example",
				"GET /api/offers\u0001 HTTP/1.1\r\nHost: localhost", "GET api/offers HTTP/1.1\r\nHost: localhost",
				"GET /api/offers?a=%zz HTTP/1.1\r\nHost: localhost\r\nAccept: text/html",
				"GET /%zz HTTP/1.1\r\nHost: localhost\r\nAccept: application/json");
	}

	abstract static class Contract {

		@LocalServerPort
		int port;

		@Autowired
		JdbcTemplate jdbc;

		RawHttp http;

		final Map<String, int[]> counts = new TreeMap<>();

		final List<String> failures = new ArrayList<>();

		@BeforeEach
		void invented() {
			http = new RawHttp(port);
			InventedPlaces.load(jdbc);
		}

		@AfterEach
		void empty() {
			InventedPlaces.clear(jdbc);
		}

		@Test
		@ExtendWith(OutputCaptureExtension.class)
		void everyBadRequestIsAClientErrorProblemDetail(CapturedOutput output) throws Exception {
			for (Endpoint e : ENDPOINTS) {
				for (Map.Entry<String, String> p : e.parameters().entrySet()) {
					List<String> values = new ArrayList<>(ANY_PARAMETER);
					values.addAll(BY_KIND.getOrDefault(p.getValue(), List.of()));
					for (String value : values) {
						String query = (e.base().isEmpty() ? "" : e.base() + "&") + p.getKey() + "=" + value;
						check("parameter", "GET " + e.path() + "?" + query, http.get(e.path() + "?" + query));
					}
				}
				for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
					check("method", method + " " + e.path(),
							http.send(RawHttp.head(method, e.path(), "Content-Length: 0"), new byte[0]));
				}
			}
			for (String path : BAD_PATHS) {
				check("path", "GET " + path, http.get(path));
			}
			for (String[] b : BAD_BODIES) {
				check("body", "POST " + b[0] + " " + b[1], http.json("POST", b[0], "application/json", b[1]));
			}
			check("body", "PUT scenario 999999",
					http.json("PUT", "/api/coverage/scenarios/999999", "application/json", "{\"name\":\"x\"}"));
			for (String path : List.of("/api/routing/matrix", "/api/routing/coverage", "/api/coverage/scenarios")) {
				for (String type : List.of("*/*", "application/*", "text/plain", "application/xml", "application/yaml",
						"application/x-yaml", "application/cbor", "application/x-www-form-urlencoded",
						"multipart/form-data; boundary=x", "garbage", "application/json; charset=nope", "")) {
					String body = type.contains("xml") ? "<a><sources>1</sources></a>" : "sources: [[3.5, 44.5]]";
					check("media type", "POST " + path + " as " + type, http.json("POST", path, type, body));
				}
				check("method", "GET " + path + " (POST only)",
						http.get(path.equals("/api/coverage/scenarios") ? path + "/abc" : path));
			}
			oversizedBodies();
			for (String request : rawRequests()) {
				check("container",
						request.replace("\r\n", " | ")
							.replaceAll("a{20,}", "a…")
							.replaceAll("(X-Many: 1 \\| )+", "X-Many: 1 ×200 | "),
						http.send(request, new byte[0]));
			}
			adminUploads();
			report();
			assertThat(failures).as("answers that are not 4xx problem details").isEmpty();
			assertThat(output.getAll()).as("client errors log no ERROR").doesNotContain(" ERROR ");
			assertThat(output.getAll()).doesNotContain("Exception:");
		}

		private void oversizedBodies() throws IOException {
			String body = "{\"sources\":[" + "[3.5,44.5],".repeat(120_000) + "[3.5,44.5]]}";
			check("oversized", "2.3 MB JSON matrix",
					http.json("POST", "/api/routing/matrix", "application/json", body));
			check("oversized", "2.3 MB JSON scenario",
					http.json("POST", "/api/coverage/scenarios", "application/json", body));
			byte[] chunk = ("{\"name\":\"" + "x".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
			String chunked = Integer.toHexString(chunk.length) + "\r\n";
			byte[] framed = (chunked + new String(chunk, StandardCharsets.ISO_8859_1) + "\r\n0\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1);
			check("oversized", "2 MB chunked scenario", http.send(RawHttp.head("POST", "/api/coverage/scenarios",
					"Content-Type: application/json", "Transfer-Encoding: chunked"), framed));
		}

		private void adminUploads() throws IOException {
			for (String name : List.of("..", ".", "/", "x".repeat(300), "a\u0000b.csv", "../../etc/passwd", "")) {
				check("upload", "upload named " + name.replace("\u0000", "\\0").replaceAll("x{20,}", "x…"),
						upload("offers", name, "not,a,proxima,file\n", true));
			}
			check("upload", "truncated multipart", truncated());
			check("upload", "unknown kind", upload("nope", "a.csv", "x\n", true));
			check("upload", "without token", upload("offers", "a.csv", "x\n", false));
		}

		private Answer upload(String kind, String name, String content, boolean withToken) throws IOException {
			String body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
					+ "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--b--\r\n";
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			List<String> headers = new ArrayList<>(
					List.of("Content-Type: multipart/form-data; boundary=b", "Content-Length: " + bytes.length));
			if (withToken) {
				headers.add("X-Proxima-Admin-Token: " + TOKEN);
			}
			return http.send(RawHttp.head("POST", "/api/admin/imports/" + kind, headers.toArray(String[]::new)), bytes);
		}

		private Answer truncated() throws IOException {
			byte[] bytes = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nsource,ref"
				.getBytes(StandardCharsets.UTF_8);
			return http
				.send(RawHttp.head("POST", "/api/admin/imports/offers", "Content-Type: multipart/form-data; boundary=b",
						"Content-Length: " + bytes.length, "X-Proxima-Admin-Token: " + TOKEN), bytes);
		}

		private void check(String category, String what, Answer answer) {
			int[] c = counts.computeIfAbsent(category, k -> new int[3]);
			c[0]++;
			boolean clientError = answer.status() >= 400 && answer.status() < 500;
			boolean clean = !answer.body().contains("fr.proxima") && !answer.body().contains("Exception")
					&& !answer.body().contains("\tat ");
			if (clientError && answer.isProblem() && clean) {
				c[1]++;
				return;
			}
			if (answer.status() >= 500) {
				c[2]++;
			}
			failures.add(category + ": " + what.substring(0, Math.min(160, what.length())) + " -> " + answer.status()
					+ " " + answer.header("content-type") + " "
					+ answer.body().substring(0, Math.min(200, answer.body().length())));
		}

		private void report() {
			int[] all = new int[3];
			for (Map.Entry<String, int[]> c : counts.entrySet()) {
				line(c.getKey(), c.getValue());
				for (int i = 0; i < 3; i++) {
					all[i] += c.getValue()[i];
				}
			}
			line("all", all);
			failures.stream()
				.limit(80)
				.forEach(f -> System.out.println("[BadInputRegression] NOT A 4xx PROBLEM: " + f));
		}

		private static void line(String category, int[] c) {
			System.out.printf("[BadInputRegression] %-11s %5d requests, %5d 4xx problem details, %3d 5xx%n", category,
					c[0], c[1], c[2]);
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "proxima.admin-token=" + TOKEN })
	@H2Test
	class OnH2 extends Contract {

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "proxima.admin-token=" + TOKEN })
	@PostgisTest
	class OnPostgis extends Contract {

	}

}
