package fr.proxima.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: a mixed load (offer searches, communes, isochrones, coverage) from 8
 * keep-alive connections over loopback for {@code bench.seconds} (120 by default) on each
 * database, with the rate limiter on (at a level this load does not reach; 429s are
 * counted apart). Prints requests/s, p50/p99 per kind, errors, and the resident memory of
 * this JVM (which holds the server and the clients) at start and end. Real data: Lozère
 * and neighbours.
 */
class MixedLoadBench {

	static final int CONNECTIONS = 8;

	static final long SECONDS = Long.getLong("bench.seconds", 120);

	static final String[] KINDS = { "offers", "communes", "isochrones", "coverage" };

	abstract static class Contract {

		@LocalServerPort
		int port;

		@Autowired
		ImportService imports;

		@Autowired
		TravelTimePrecompute precompute;

		@Test
		void mixedLoad() throws Exception {
			imports.importDirectory(SharedData.root());
			precompute.refresh();
			String db = getClass().getSimpleName();
			long rssStart = residentKb();
			List<List<Long>> nanos = new ArrayList<>();
			for (int k = 0; k < KINDS.length; k++) {
				nanos.add(Collections.synchronizedList(new ArrayList<>()));
			}
			AtomicInteger errors = new AtomicInteger();
			AtomicInteger limited = new AtomicInteger();
			List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
			ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
			for (int c = 0; c < CONNECTIONS; c++) {
				int seed = c;
				pool.submit(() -> {
					HttpClient client = HttpClient.newBuilder()
						.version(HttpClient.Version.HTTP_1_1)
						.connectTimeout(Duration.ofSeconds(5))
						.build();
					Random random = new Random(seed);
					while (System.nanoTime() < end) {
						int kind = pick(random);
						HttpRequest request = HttpRequest.newBuilder(URI.create(url(kind, random)))
							.timeout(Duration.ofSeconds(60))
							.build();
						long t0 = System.nanoTime();
						try {
							HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
							long t = System.nanoTime() - t0;
							if (r.statusCode() == 200) {
								nanos.get(kind).add(t);
							}
							else if (r.statusCode() == 429) {
								limited.incrementAndGet();
							}
							else {
								errors.incrementAndGet();
								if (firstErrors.size() < 5) {
									firstErrors.add(r.statusCode() + " " + request.uri() + " " + r.body());
								}
							}
						}
						catch (Exception e) {
							errors.incrementAndGet();
							if (firstErrors.size() < 5) {
								firstErrors.add(e + " " + request.uri());
							}
						}
					}
					return null;
				});
			}
			pool.shutdown();
			assertThat(pool.awaitTermination(SECONDS + 120, TimeUnit.SECONDS)).isTrue();
			long rssEnd = residentKb();
			long total = nanos.stream().mapToLong(List::size).sum();
			System.out.printf(Locale.ROOT,
					"[MixedLoadBench] %s: %d s, %d connections, %d OK requests, %.1f req/s, %d errors, %d 429s,"
							+ " RSS %d MB -> %d MB%n",
					db, SECONDS, CONNECTIONS, total, total / (double) SECONDS, errors.get(), limited.get(),
					rssStart / 1024, rssEnd / 1024);
			for (int k = 0; k < KINDS.length; k++) {
				List<Long> sorted = new ArrayList<>(nanos.get(k));
				Collections.sort(sorted);
				if (!sorted.isEmpty()) {
					System.out.printf(Locale.ROOT,
							"[MixedLoadBench] %s %-10s %6d requests, p50 %7.1f ms, p99 %7.1f ms%n", db, KINDS[k],
							sorted.size(), sorted.get(sorted.size() / 2) / 1e6,
							sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6);
				}
			}
			firstErrors.forEach(e -> System.out.println("[MixedLoadBench] error: " + e));
			assertThat(errors.get()).isZero();
		}

		/** 40 % offer searches, 20 % communes, 20 % isochrones, 20 % coverage. */
		private static int pick(Random random) {
			int r = random.nextInt(10);
			return r < 4 ? 0 : r < 6 ? 1 : r < 8 ? 2 : 3;
		}

		private String url(int kind, Random random) {
			double lon = 3.0 + random.nextDouble() * 0.9;
			double lat = 44.2 + random.nextDouble() * 0.7;
			String base = "http://127.0.0.1:" + port;
			return switch (kind) {
				case 0 -> String.format(Locale.ROOT, "%s/api/offers?bbox=%.4f,%.4f,%.4f,%.4f&limit=50", base, lon, lat,
						lon + 0.3, lat + 0.3);
				case 1 -> random.nextBoolean() ? base + "/api/communes?departement=48" : base + "/api/communes/48095";
				case 2 -> String.format(Locale.ROOT, "%s/api/routing/isochrones?point=%.4f,%.4f&minutes=10,20,30", base,
						lon, lat);
				default -> base + "/api/coverage?families=" + (random.nextBoolean() ? "ssiad" : "ehpad") + "&minutes="
						+ (15 + random.nextInt(30));
			};
		}

		private static long residentKb() throws Exception {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", ""));
				}
			}
			return -1;
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "proxima.rate-limit.enabled=true", "proxima.rate-limit.requests=1000000" })
	@H2Test
	class OnH2 extends Contract {

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "proxima.rate-limit.enabled=true", "proxima.rate-limit.requests=1000000" })
	@PostgisTest
	class OnPostgis extends Contract {

	}

}
