package fr.proxima.coverage;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.proxima.importing.ImportReport;
import fr.proxima.importing.ImportService;
import fr.proxima.routing.TravelTimePrecompute;
import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import fr.proxima.support.SharedData;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * issue 15: the coverage endpoints over HTTP on Lozère + neighbours (real data, estimate
 * times precomputed within 60 minutes), warm, on H2GIS and on PostGIS: p50, p99 and max
 * of each endpoint, the four interleaved request by request (goal p50 ≤ 20 ms, p99 ≤ 60
 * ms). Run:
 * {@code ./mvnw -B test -Dtest=CoverageEndpointsBench -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dproxima.bench.requests=300} per endpoint by default).
 */
class CoverageEndpointsBench {

	private static final int REQUESTS = Integer.getInteger("proxima.bench.requests", 300);

	private static final int WARM_UP = 100;

	/** What a planner asks for, département by département and for the whole data. */
	private static final Map<String, String> ENDPOINTS = new LinkedHashMap<>();

	static {
		ENDPOINTS.put("coverage", "/api/coverage?families=ssiad,spasad&minutes=20&departements=%s");
		ENDPOINTS.put("uncovered", "/api/coverage/uncovered?families=ssiad,spasad&minutes=20&departements=%s");
		ENDPOINTS.put("accessibility", "/api/coverage/accessibility?families=ehpad&departements=%s");
		ENDPOINTS.put("suggestions", "/api/coverage/suggestions?families=ssiad,saad&k=5&departements=%s");
	}

	private static final List<String> DEPARTEMENTS = List.of("48", "12", "15", "30", "43");

	abstract static class Run {

		@Autowired
		ImportService imports;

		@Autowired
		TravelTimePrecompute precompute;

		@LocalServerPort
		int port;

		private final HttpClient http = HttpClient.newHttpClient();

		@Test
		void coverageEndpointsWarmOverHttp() throws Exception {
			ImportReport.Status status = imports.importDirectory(SharedData.root()).status();
			assertThat(status).isEqualTo(ImportReport.Status.SUCCEEDED);
			long start = System.nanoTime();
			precompute.refresh();
			print("%s: estimate precompute %.1f s; first request (loads the run's pairs) %.0f ms", label(),
					(System.nanoTime() - start) / 1e9, get(ENDPOINTS.get("coverage").formatted("48")) / 1e6);
			for (int i = 0; i < WARM_UP; i++) {
				for (String path : ENDPOINTS.values()) {
					get(path.formatted(DEPARTEMENTS.get(i % DEPARTEMENTS.size())));
				}
			}
			Map<String, long[]> nanos = new LinkedHashMap<>();
			ENDPOINTS.keySet().forEach(k -> nanos.put(k, new long[REQUESTS]));
			for (int i = 0; i < REQUESTS; i++) {
				String departement = DEPARTEMENTS.get(i % DEPARTEMENTS.size());
				for (Map.Entry<String, String> e : ENDPOINTS.entrySet()) {
					nanos.get(e.getKey())[i] = get(e.getValue().formatted(departement));
				}
			}
			nanos.forEach((endpoint, n) -> {
				Arrays.sort(n);
				double p50 = n[n.length / 2] / 1e6;
				double p99 = n[(int) (n.length * 0.99)] / 1e6;
				print("%s %s over HTTP, warm, %d requests over %d départements: p50 %.1f ms, p99 %.1f ms, max %.1f ms"
						+ " (goal p50 ≤ 20 ms, p99 ≤ 60 ms: %s; load average %.1f)", label(), endpoint, n.length,
						DEPARTEMENTS.size(), p50, p99, n[n.length - 1] / 1e6,
						p50 <= 20 && p99 <= 60 ? "met" : "NOT met",
						ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
			});
		}

		abstract String label();

		private long get(String path) throws Exception {
			long start = System.nanoTime();
			HttpResponse<byte[]> response = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			long nanos = System.nanoTime() - start;
			assertThat(response.statusCode()).as(path + ": " + new String(response.body())).isEqualTo(200);
			return nanos;
		}

	}

	private static void print(String format, Object... args) {
		System.out.println("[CoverageEndpointsBench] " + String.format(Locale.ROOT, format, args));
	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	@TestPropertySource(properties = { "proxima.rate-limit.enabled=false", "proxima.routing.auto-refresh=false" })
	@H2Test
	class OnH2 extends Run {

		@Override
		String label() {
			return "H2GIS";
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	@TestPropertySource(properties = { "proxima.rate-limit.enabled=false", "proxima.routing.auto-refresh=false" })
	@PostgisTest
	class OnPostgis extends Run {

		@Override
		String label() {
			return "PostGIS";
		}

	}

}
