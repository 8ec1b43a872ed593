package fr.proxima.importing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import fr.proxima.ProximaApplication;
import fr.proxima.routing.TravelTimePrecompute;
import fr.proxima.routing.TravelTimeRefresh;
import fr.proxima.routing.TravelTimeRun;
import fr.proxima.support.CleanSchemaPerContext;
import fr.proxima.support.SyntheticFrance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The France-size dry run (issue 15, item 6; issue 16, item 5): a SYNTHETIC France
 * ({@link SyntheticFrance}: about 35,000 communes, 100,000 FINESS establishments) written
 * in the official layouts, imported into PostGIS by the product's importer, then timed
 * through the product: import per step and the database's size; the product's full
 * refresh of the estimate travel times of France (time, pairs, table size, the largest
 * heap after a GC while it ran); the read API and the coverage endpoints over HTTP (one
 * département, then the whole France), the first (cold) coverage request, heap and
 * resident memory. Estimate times only: no France road graph (a region's is
 * RoutingBench's synthetic grid). Takes about 4 minutes on 2 cores at load 4–5. Run:
 * <pre>
 * ./mvnw -B test -Dtest=FranceBench -Dsurefire.failIfNoSpecifiedTests=false
 * </pre> Database: {@code proxima.bench.france-url} (default
 * {@code jdbc:postgresql://localhost:5432/proxima_france}), user and password
 * {@code proxima}, with PostGIS; its schema is emptied.
 * {@code -Dproxima.bench.reuse=true} times only the endpoints and memory on the store an
 * earlier run left; {@code -Dproxima.bench.skip-read-api=true} leaves out the read API
 * there (its 4,600 requests).
 */
// issue 15, issue 16
class FranceBench {

	private static final int READ_WARM_UP = 300;

	private static final int READ_RUNS = 2000;

	private static final int COVERAGE_ROUNDS = 20;

	private static final int NATIONAL_ROUNDS = 3;

	private final HttpClient http = HttpClient.newHttpClient();

	private int port;

	@Test
	void syntheticFranceOnPostgis() throws Exception {
		long benchStart = System.nanoTime();
		String url = System.getProperty("proxima.bench.france-url", "jdbc:postgresql://localhost:5432/proxima_france");
		long t = System.nanoTime();
		SyntheticFrance france = SyntheticFrance.full();
		if (Boolean.getBoolean("proxima.bench.reuse")) {
			// the store of an earlier run, times included: only the endpoints and memory
			try (ConfigurableApplicationContext app = start(url, true, false)) {
				port = ((WebServerApplicationContext) app).getWebServer().getPort();
				databaseSize(app.getBean(JdbcTemplate.class));
				if (!Boolean.getBoolean("proxima.bench.skip-read-api")) {
					readApi(france);
				}
				coverageEndpoints(france);
				memory();
			}
			return;
		}
		Path full = france.write(Path.of("target/bench/synthetic-france"), d -> true, d -> true);
		print("generated and written %,d communes, %,d offers in %.1f s; files %.0f MB", france.communes().size(),
				france.offers().size(), seconds(t), folderBytes(full) / 1e6);

		try (ConfigurableApplicationContext app = start(url, true)) {
			port = ((WebServerApplicationContext) app).getWebServer().getPort();
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			importTimed(app.getBean(ImportService.class), full, "France");
			databaseSize(jdbc);
			precomputeFrance(app, jdbc);
			readApi(france);
			coverageEndpoints(france);
			memory();
		}
		print("whole bench %.1f min", seconds(benchStart) / 60);
	}

	private static ConfigurableApplicationContext start(String url, boolean web) {
		return start(url, web, true);
	}

	private static ConfigurableApplicationContext start(String url, boolean web, boolean emptied) {
		// command-line arguments: default properties would lose to application.properties
		return new SpringApplicationBuilder(
				emptied ? new Class<?>[] { ProximaApplication.class, CleanSchemaPerContext.class }
						: new Class<?>[] { ProximaApplication.class })
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=proxima",
					"--spring.datasource.password=proxima", "--spring.flyway.clean-disabled=false",
					"--spring.main.web-application-type=" + (web ? "servlet" : "none"), "--server.port=0",
					"--proxima.routing.osm-file=", "--proxima.routing.auto-refresh=false",
					"--proxima.rate-limit.enabled=false", "--proxima.import.data-dir=",
					"--proxima.tiles.cache-dir=target/bench/france-tiles", "--logging.level.root=WARN",
					"--logging.level.fr.proxima.importing=WARN");
	}

	private static void importTimed(ImportService imports, Path folder, String label) {
		long t = System.nanoTime();
		DirectoryImportReport report = imports.importDirectory(folder);
		assertThat(report.status()).as(report.toString()).isEqualTo(ImportReport.Status.SUCCEEDED);
		print("import of the %s through ImportService: %.1f s in all; %s", label, seconds(t),
				report.steps()
					.stream()
					.map(s -> String.format(Locale.ROOT, "%s %.1f s (%,d read, %,d warnings)", s.getKind(),
							s.getMillis() / 1000.0, s.getRead(), s.getWarningCount()))
					.collect(Collectors.joining(", ")));
	}

	private static void databaseSize(JdbcTemplate jdbc) {
		print("database size on disk: %.0f MB; biggest tables (with indexes): %s",
				jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class) / 1e6,
				String.join(", ", jdbc.query("""
						SELECT relname, n_live_tup, pg_total_relation_size(relid) AS bytes FROM pg_stat_user_tables
						ORDER BY bytes DESC LIMIT 6""", (rs, i) -> String.format(Locale.ROOT, "%s %.1f MB (%,d rows)",
						rs.getString(1), rs.getLong(3) / 1e6, rs.getLong(2)))));
	}

	/**
	 * The product's full refresh of the estimate times of France (every located offer ×
	 * the communes within the cutoff), timed; then the same refresh again from an empty
	 * table with a full collection every 3 s, for the live heap it holds (the rest of the
	 * JVM included).
	 */
	private static void precomputeFrance(ConfigurableApplicationContext app, JdbcTemplate jdbc) throws Exception {
		TravelTimePrecompute precompute = app.getBean(TravelTimePrecompute.class);
		long t = System.nanoTime();
		TravelTimeRun run = precompute.refresh();
		double s = seconds(t);
		TravelTimeRefresh refresh = precompute.lastRefresh().orElseThrow();
		jdbc.execute("ANALYZE offer_times");
		print("precompute of France (the product's full refresh, estimate, cutoff %d min): %,d offers × %,d communes"
				+ " -> %,d pairs in %.1f s (computing %.1f s, writing %.1f s); table + index %.0f MB",
				run.cutoffSeconds() / 60, refresh.offersComputed(), refresh.communesComputed(), run.pairs(), s,
				refresh.computeMillis() / 1e3, refresh.storeMillis() / 1e3,
				jdbc.queryForObject("SELECT pg_total_relation_size('offer_times')", Long.class) / 1e6);
		databaseSize(jdbc);

		jdbc.update("DELETE FROM offer_times");
		long before = liveHeap();
		long[] peak = new long[1];
		Thread sampler = new Thread(() -> {
			try {
				while (!Thread.currentThread().isInterrupted()) {
					Thread.sleep(3000);
					peak[0] = Math.max(peak[0], liveHeap());
				}
			}
			catch (InterruptedException e) {
				// the refresh is over
			}
		});
		sampler.start();
		t = System.nanoTime();
		precompute.refresh();
		s = seconds(t);
		sampler.interrupt();
		sampler.join();
		print("the same refresh from an empty table, with a full collection every 3 s: %.1f s; live heap at most"
				+ " %.0f MB during it, %.0f MB before it (max heap %.0f MB)", s, peak[0] / 1e6, before / 1e6,
				Runtime.getRuntime().maxMemory() / 1e6);
	}

	private static long liveHeap() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private void readApi(SyntheticFrance france) {
		Random random = new Random(15);
		List<SyntheticFrance.Commune> communes = france.communes();
		Supplier<String> bbox = () -> {
			SyntheticFrance.Commune c = communes.get(random.nextInt(communes.size()));
			double w = 0.1 + random.nextDouble() * 0.5;
			double h = 0.1 + random.nextDouble() * 0.5;
			return String.format(Locale.ROOT, "/api/offers?bbox=%.5f,%.5f,%.5f,%.5f", c.lon() - w / 2, c.lat() - h / 2,
					c.lon() + w / 2, c.lat() + h / 2);
		};
		Supplier<String> near = () -> {
			SyntheticFrance.Commune c = communes.get(random.nextInt(communes.size()));
			return String.format(Locale.ROOT, "/api/offers?near=%.5f,%.5f&radius=%d", c.lon(), c.lat(),
					5000 + random.nextInt(25_001));
		};
		for (int i = 0; i < READ_WARM_UP; i++) {
			get(bbox.get());
			get(near.get());
		}
		long[] b = new long[READ_RUNS];
		long[] n = new long[READ_RUNS];
		for (int i = 0; i < READ_RUNS; i++) {
			b[i] = timed(bbox.get());
			n[i] = timed(near.get());
		}
		print("read API over HTTP on France, 1 client, %d measured each after %d warm-up, interleaved: bbox %s;"
				+ " near-point %s", READ_RUNS, READ_WARM_UP, percentiles(b), percentiles(n));
	}

	private void coverageEndpoints(SyntheticFrance france) {
		List<String> departements = france.communes()
			.stream()
			.map(SyntheticFrance.Commune::departement)
			.distinct()
			.sorted()
			.toList();
		Map<String, String> endpoints = new java.util.LinkedHashMap<>();
		endpoints.put("coverage", "/api/coverage?families=ssiad,spasad&minutes=20&departements=");
		endpoints.put("uncovered", "/api/coverage/uncovered?families=ssiad,spasad&minutes=20&departements=");
		endpoints.put("accessibility", "/api/coverage/accessibility?families=ehpad&departements=");
		endpoints.put("suggestions", "/api/coverage/suggestions?families=ssiad,saad&k=5&departements=");
		long t = System.nanoTime();
		get(endpoints.get("coverage") + "48");
		print("first (cold) coverage request, loading the run's times, communes and offers: %.1f s", seconds(t));
		Random random = new Random(16);
		Map<String, long[]> one = new java.util.LinkedHashMap<>();
		endpoints.keySet().forEach(k -> one.put(k, new long[COVERAGE_ROUNDS]));
		for (int w = 0; w < 3; w++) {
			endpoints.values().forEach(e -> get(e + departements.get(random.nextInt(departements.size()))));
		}
		for (int r = 0; r < COVERAGE_ROUNDS; r++) {
			for (Map.Entry<String, String> e : endpoints.entrySet()) {
				one.get(e.getKey())[r] = timed(e.getValue() + departements.get(random.nextInt(departements.size())));
			}
		}
		one.forEach((k, v) -> print(
				"%s over HTTP, warm, one random département (of %d), %d rounds: %s (goal p50 ≤ 1" + " s: %s)", k,
				departements.size(), COVERAGE_ROUNDS, percentiles(v), median(v) <= 1e9 ? "met" : "MISSED"));
		String all = String.join(",", departements);
		for (Map.Entry<String, String> e : endpoints.entrySet()) {
			if (e.getKey().equals("suggestions") && Boolean.getBoolean("proxima.bench.skip-national-suggestions")) {
				// every commune of the scope is a candidate, each scanning the scope:
				// quadratic
				print("suggestions for the whole France skipped (over 5 minutes a request in an earlier run)");
				continue;
			}
			long[] national = new long[NATIONAL_ROUNDS];
			int[] size = new int[1];
			for (int r = 0; r < NATIONAL_ROUNDS; r++) {
				long start = System.nanoTime();
				size[0] = get(e.getValue() + all);
				national[r] = System.nanoTime() - start;
			}
			print("%s over HTTP, warm, the whole France (%d départements), %d rounds: %s; answer %.1f MB", e.getKey(),
					departements.size(), NATIONAL_ROUNDS, percentiles(national), size[0] / 1e6);
		}
	}

	private static void memory() throws IOException {
		System.gc();
		long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		long committed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
		Map<String, String> status = new HashMap<>();
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			String[] kv = line.split(":\\s+", 2);
			if (kv.length == 2) {
				status.put(kv[0], kv[1]);
			}
		}
		print("memory after warm-up (bench and server in one JVM, max heap %.0f MB): heap used after GC %.0f MB,"
				+ " committed %.0f MB; resident %s, peak resident %s", Runtime.getRuntime().maxMemory() / 1e6,
				heap / 1e6, committed / 1e6, status.get("VmRSS"), status.get("VmHWM"));
	}

	private long timed(String path) {
		long t = System.nanoTime();
		get(path);
		return System.nanoTime() - t;
	}

	/** Sends a GET, checks 200, reads the whole body; returns its length. */
	private int get(String path) {
		try {
			HttpResponse<InputStream> response = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream in = response.body()) {
				byte[] body = in.readAllBytes();
				assertThat(response.statusCode()).as(path + ": " + new String(body, 0, Math.min(body.length, 300)))
					.isEqualTo(200);
				return body.length;
			}
		}
		catch (IOException e) {
			throw new IllegalStateException(path, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(path, e);
		}
	}

	private static long median(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static String percentiles(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms", sorted[sorted.length / 2] / 1e6,
				sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6, sorted[sorted.length - 1] / 1e6);
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	private static long folderBytes(Path folder) throws IOException {
		try (var walk = Files.walk(folder)) {
			return walk.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
		}
	}

	private static void print(String format, Object... args) {
		System.out.printf(Locale.ROOT, "[FranceBench] " + format + "%n", args);
	}

}
