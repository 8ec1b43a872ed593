package fr.proxima.offers;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import fr.proxima.importing.DirectoryImportReport;
import fr.proxima.importing.ImportReport;
import fr.proxima.importing.ImportService;
import fr.proxima.shared.ApiSettings;
import fr.proxima.shared.Paging;
import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import fr.proxima.support.SharedData;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * issue 2: p50/p99 latency of the bbox and near-point offer searches (target p99 ≤ 20
 * ms), in the service and over HTTP, on H2GIS and on PostGIS, over the real Lozère +
 * neighbours import of {@code ../shared/data}. Random rectangles (0.1° to 0.6° a side)
 * and points (radius 5 to 30 km) within Lozère; default page size. Run:
 * {@code ./mvnw -B test -Dtest='*Bench' -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ApiQueryBench {

	/** Lozère's extent, where the random queries fall. */
	private static final double MIN_LON = 2.98, MAX_LON = 4.00, MIN_LAT = 44.11, MAX_LAT = 44.98;

	private static final int WARM_UP = 1000;

	private static final int RUNS = 3000;

	abstract static class Contract {

		@Autowired
		OfferSearch search;

		@Autowired
		ApiSettings settings;

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		ImportService imports;

		@LocalServerPort
		int port;

		private final HttpClient http = HttpClient.newHttpClient();

		@Test
		void bboxAndNearPointLatency() {
			long offers = loadData();
			String db = getClass().getSimpleName().replace("Bench", "").replace("On", "");
			System.out.printf(Locale.ROOT,
					"%n[ApiQueryBench] %s: %d offers, %d warm-up + %d measured queries each; system load average %.1f"
							+ " on %d cores (tails grow with load)%n",
					db, offers, WARM_UP, RUNS, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
					Runtime.getRuntime().availableProcessors());
			System.out.println("[ApiQueryBench] " + db + " plan of the bbox filter: "
					+ String.join(" | ",
							jdbc.queryForList(
									"EXPLAIN SELECT COUNT(*) FROM offer o"
											+ " WHERE o.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)",
									String.class, 3.4, 44.45, 3.6, 44.6))
						.replaceAll("\\s+", " "));
			Random random = new Random(48);
			Paging paging = Paging.of(null, null, settings);
			List<Long> hits = new ArrayList<>();
			report(db, "service bbox", time(() -> {
				hits.add((long) search.search(filter(randomBbox(random), null), paging, false).items().size());
				return null;
			}));
			report(db, "service near", time(() -> {
				hits.add((long) search.search(filter(null, randomNear(random)), paging, false).items().size());
				return null;
			}));
			report(db, "http bbox", time(() -> get("/api/offers?bbox=" + randomBbox(random))));
			report(db, "http near", time(() -> get("/api/offers?" + randomNear(random))));
			assertThat(hits.stream().mapToLong(Long::longValue).sum()).as("the queries found offers").isPositive();
		}

		/**
		 * Imports Lozère and its neighbours from {@code ../shared/data} into the empty
		 * store of this context.
		 */
		private long loadData() {
			DirectoryImportReport report = imports.importDirectory(SharedData.root());
			assertThat(report.status()).as(report.toString()).isEqualTo(ImportReport.Status.SUCCEEDED);
			return jdbc.queryForObject("SELECT COUNT(*) FROM offer", Long.class);
		}

		private OfferFilter filter(String bbox, String nearQuery) {
			String near = null;
			Double radius = null;
			if (nearQuery != null) {
				String[] parts = nearQuery.split("&");
				near = parts[0].substring("near=".length());
				radius = Double.valueOf(parts[1].substring("radius=".length()));
			}
			return OfferFilter.parse(bbox, null, null, null, null, near, radius, null, settings);
		}

		private String get(String path) {
			try {
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(path).isEqualTo(200);
				return response.body();
			}
			catch (Exception e) {
				throw new IllegalStateException(path, e);
			}
		}

	}

	private static String randomBbox(Random random) {
		double w = 0.1 + random.nextDouble() * 0.5;
		double h = 0.1 + random.nextDouble() * 0.5;
		double lon = MIN_LON + random.nextDouble() * (MAX_LON - MIN_LON - w);
		double lat = MIN_LAT + random.nextDouble() * (MAX_LAT - MIN_LAT - h);
		return String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", lon, lat, lon + w, lat + h);
	}

	private static String randomNear(Random random) {
		return String.format(Locale.ROOT, "near=%.5f,%.5f&radius=%d",
				MIN_LON + random.nextDouble() * (MAX_LON - MIN_LON),
				MIN_LAT + random.nextDouble() * (MAX_LAT - MIN_LAT), 5000 + random.nextInt(25_001));
	}

	/** Nanoseconds of each measured run, after the warm-up runs. */
	private static long[] time(Supplier<?> query) {
		for (int i = 0; i < WARM_UP; i++) {
			query.get();
		}
		long[] nanos = new long[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			query.get();
			nanos[i] = System.nanoTime() - start;
		}
		return nanos;
	}

	private static void report(String db, String what, long[] nanos) {
		Arrays.sort(nanos);
		double p50 = nanos[nanos.length / 2] / 1e6;
		double p99 = nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6;
		System.out.printf(Locale.ROOT, "[ApiQueryBench] %-8s %-13s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  %s%n", db,
				what, p50, p99, nanos[nanos.length - 1] / 1e6, p99 <= 20 ? "(p99 target 20 ms met)" : "(OVER 20 ms)");
	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	@H2Test
	class OnH2Bench extends Contract {

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	@PostgisTest
	class OnPostgisBench extends Contract {

	}

}
