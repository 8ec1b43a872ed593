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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import fr.proxima.ProximaApplication;
import fr.proxima.routing.Leg;
import fr.proxima.routing.PackedTimes;
import fr.proxima.routing.TravelTimeEngine;
import fr.proxima.routing.TravelTimePrecompute;
import fr.proxima.routing.TravelTimeRun;
import fr.proxima.routing.internal.TimeRow;
import fr.proxima.shared.Geo;
import fr.proxima.support.CleanSchemaPerContext;
import fr.proxima.support.SyntheticFrance;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The France-size dry run (issue 15, item 6; issue 16, item 5): a SYNTHETIC France
 * ({@link SyntheticFrance}: about 35,000 communes, 100,000 FINESS establishments) written
 * in the official layouts, imported into PostGIS by the product's importer, then timed
 * through the product: import per step and the database's size; the estimate precompute
 * of travel times on a sample of départements (the product's own refresh) extrapolated to
 * France; the read API and the coverage endpoints over HTTP, the first (cold) coverage
 * request, heap and resident memory. The offer × commune table of the whole France is
 * written for the endpoints by this bench with COPY from the same estimate, since the
 * product's writer inserts in batches (its rewrite is under way): the figure is printed
 * beside the product's. Estimate times only: no France road graph (a region's is
 * RoutingBench's synthetic grid). Took 45 minutes on 2 cores under load 20 (half of it
 * the COPY); with {@code -Dproxima.bench.reuse=true}, 15 minutes. Run: <pre>
 * ./mvnw -B test -Dtest=FranceBench -Dsurefire.failIfNoSpecifiedTests=false
 * </pre> Databases: {@code proxima.bench.france-url} (default
 * {@code jdbc:postgresql://localhost:5432/proxima_france}) and
 * {@code proxima.bench.france-sample-url} ({@code …/proxima_france_sample}), user and
 * password {@code proxima}, with PostGIS; their schema is emptied.
 * {@code -Dproxima.bench.reuse=true} times only the endpoints and memory on the store an
 * earlier run left; {@code -Dproxima.bench.skip-read-api=true} leaves out the read API
 * there (its 4,600 requests).
 */
// issue 15, issue 16
class FranceBench {

	/** Départements of the precompute sample: a block in the south, 6 of the 96. */
	private static final Set<String> SAMPLE = Set.of("12", "15", "30", "34", "43", "48");

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
		String sampleUrl = System.getProperty("proxima.bench.france-sample-url",
				"jdbc:postgresql://localhost:5432/proxima_france_sample");
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
		Path sample = france.write(Path.of("target/bench/synthetic-france-sample"), d -> true, SAMPLE::contains);
		print("generated and written %,d communes, %,d offers (and the sample of départements %s) in %.1f s; files"
				+ " %.0f MB", france.communes().size(), france.offers().size(), new TreeSet<>(SAMPLE), seconds(t),
				folderBytes(full) / 1e6);

		double[] perOffer = precomputeSample(sampleUrl, sample);
		try (ConfigurableApplicationContext app = start(url, true)) {
			port = ((WebServerApplicationContext) app).getWebServer().getPort();
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			importTimed(app.getBean(ImportService.class), full, "France");
			databaseSize(jdbc);
			long located = jdbc.queryForObject("SELECT COUNT(*) FROM offer WHERE geom IS NOT NULL", Long.class);
			print("precompute of France extrapolated from the sample (%,.0f located offers): %.0f s, %,.0f rows,"
					+ " %.0f MB of table and indexes (the product's refresh, batched inserts)", (double) located,
					perOffer[0] * located, perOffer[1] * located, perOffer[2] * located / 1e6);
			fillTimesByCopy(app, jdbc);
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

	/**
	 * The product's precompute on the sample (all communes, offers of the sample's
	 * départements only); returns seconds, rows and bytes per located offer.
	 */
	private double[] precomputeSample(String url, Path sample) {
		try (ConfigurableApplicationContext app = start(url, false)) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			importTimed(app.getBean(ImportService.class), sample, "sample");
			long located = jdbc.queryForObject("SELECT COUNT(*) FROM offer WHERE geom IS NOT NULL", Long.class);
			long t = System.nanoTime();
			TravelTimeRun run = app.getBean(TravelTimePrecompute.class).refresh();
			double s = seconds(t);
			long bytes = jdbc.queryForObject("SELECT pg_total_relation_size('offer_times')", Long.class);
			print("precompute (product's refresh, estimate, cutoff %d min) of the sample: %,d located offers ×"
					+ " %,d communes -> %,d pairs in %.1f s; table + index %.0f MB (%.0f bytes a pair); %.1f ms and"
					+ " %.0f pairs per offer", run.cutoffSeconds() / 60, located,
					jdbc.queryForObject("SELECT COUNT(*) FROM commune", Long.class), run.pairs(), s, bytes / 1e6,
					(double) bytes / run.pairs(), 1000 * s / located, (double) run.pairs() / located);
			return new double[] { s / located, (double) run.pairs() / located, (double) bytes / located };
		}
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
	 * Writes the estimate times of every located offer to the communes within the cutoff,
	 * with COPY (the same legs as the precompute's, the estimate being symmetric), and
	 * commits a travel-time run for them.
	 */
	private static void fillTimesByCopy(ConfigurableApplicationContext app, JdbcTemplate jdbc) throws Exception {
		TravelTimeEngine engine = app.getBean(TravelTimeEngine.class);
		double cutoff = 60 * 60;
		double radius = engine.reachRadiusMetres(cutoff, null);
		List<double[]> offers = jdbc.query(
				"SELECT id, ST_X(geom), ST_Y(geom) FROM offer WHERE geom IS NOT NULL ORDER BY id",
				(rs, i) -> new double[] { rs.getLong(1), rs.getDouble(2), rs.getDouble(3) });
		List<String> codes = new ArrayList<>();
		List<double[]> points = jdbc.query("SELECT code, ST_X(rep_point), ST_Y(rep_point) FROM commune", (rs, i) -> {
			codes.add(rs.getString(1));
			return new double[] { rs.getDouble(2), rs.getDouble(3) };
		});
		double cell = Math.toDegrees(radius / 6_371_008.8);
		Map<Long, List<Integer>> grid = new HashMap<>();
		for (int k = 0; k < points.size(); k++) {
			grid.computeIfAbsent(key(points.get(k)[0], points.get(k)[1], cell), x -> new ArrayList<>()).add(k);
		}
		long t = System.nanoTime();
		long rows = 0;
		try (Connection c = app.getBean(DataSource.class).getConnection()) {
			c.setAutoCommit(false);
			c.createStatement().execute("DELETE FROM offer_times");
			PreparedStatement write = c
				.prepareStatement("INSERT INTO offer_times (offer_id, pairs, times) VALUES (?, ?, ?)");
			int batched = 0;
			for (double[] o : offers) {
				List<Integer> near = new ArrayList<>();
				double dLon = cell / Math.cos(Math.toRadians(o[2]));
				for (double x = o[1] - dLon; x <= o[1] + dLon + cell; x += cell) {
					for (double y = o[2] - cell; y <= o[2] + 2 * cell; y += cell) {
						for (int k : grid.getOrDefault(key(x, y, cell), List.of())) {
							double[] p = points.get(k);
							if (Geo.haversineMetres(o[1], o[2], p[0], p[1]) <= radius) {
								near.add(k);
							}
						}
					}
				}
				List<Point> targets = near.stream().map(k -> Geo.point(points.get(k)[0], points.get(k)[1])).toList();
				List<Leg> legs = engine.oneToMany(Geo.point(o[1], o[2]), targets, cutoff, false);
				List<TimeRow> pairs = new ArrayList<>();
				for (int j = 0; j < near.size(); j++) {
					Leg leg = legs.get(j);
					if (leg.reachable()) {
						float s = (float) leg.seconds();
						pairs.add(new TimeRow((long) o[0], codes.get(near.get(j)), s, s, (float) leg.metres(),
								"estimate"));
					}
				}
				if (!pairs.isEmpty()) {
					write.setLong(1, (long) o[0]);
					write.setInt(2, pairs.size());
					write.setBytes(3, PackedTimes.pack(pairs));
					write.addBatch();
					rows += pairs.size();
					if (++batched % 500 == 0) {
						write.executeBatch();
					}
				}
			}
			write.executeBatch();
			try (var insert = c.prepareStatement("INSERT INTO travel_time_run (graph_fingerprint, offers_fingerprint,"
					+ " cutoff_seconds, pairs, started_at, finished_at) VALUES (?, 'FranceBench COPY', ?, ?, now(), now())")) {
				insert.setString(1, engine.graphFingerprint());
				insert.setInt(2, (int) cutoff);
				insert.setInt(3, (int) rows);
				insert.executeUpdate();
			}
			c.commit();
		}
		double s = seconds(t);
		jdbc.execute("ANALYZE offer_times");
		print("offer × commune times of France written packed, one row per offer (this bench, not the product's"
				+ " writer): %,d pairs for %,d offers in %.0f s (%,.0f pairs/s); table + index %.0f MB", rows,
				offers.size(), s, rows / s,
				jdbc.queryForObject("SELECT pg_total_relation_size('offer_times')", Long.class) / 1e6);
		databaseSize(jdbc);
	}

	private static long key(double lon, double lat, double cell) {
		return ((long) Math.floor(lon / cell) << 32) ^ ((long) Math.floor(lat / cell) & 0xffffffffL);
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
