package fr.proxima.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import fr.proxima.ProximaApplication;
import fr.proxima.coverage.CoverageQuery;
import fr.proxima.coverage.CoverageReport;
import fr.proxima.coverage.CoverageService;
import fr.proxima.coverage.CoverageSettings;
import fr.proxima.importing.ImportReport;
import fr.proxima.importing.ImportService;
import fr.proxima.shared.OffersChanged;
import fr.proxima.support.CleanSchemaPerContext;
import fr.proxima.support.SharedData;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The precompute part of {@link RoutingBench} on the real Lozère + neighbours data (issue
 * 15), in estimate mode: the full precompute into the empty table after the import, then
 * one EHPAD moved to the commune with the most uncovered people aged 75+ and back, timing
 * from the committed move (and its {@link OffersChanged} event, as the edit service
 * publishes it) until a coverage answer of {@link CoverageService} shows it. The
 * background refresh does the work, as in production
 * ({@code proxima.routing.auto-refresh}).
 */
final class LozerePrecompute {

	private static final int MOVES = 4;

	private LozerePrecompute() {
	}

	/**
	 * {@code clean}: a database of earlier runs, cleaned first (a new in-memory H2 needs
	 * none).
	 */
	static void run(String database, boolean clean, String... datasource) {
		List<String> properties = new ArrayList<>(List.of(datasource));
		properties.addAll(List.of("proxima.routing.osm-file=", "proxima.routing.auto-refresh=false",
				"spring.flyway.clean-disabled=false", "proxima.rate-limit.enabled=false", "logging.level.root=WARN",
				"logging.level.fr.proxima.routing.TravelTimePrecompute=WARN"));
		SpringApplicationBuilder builder = clean
				? new SpringApplicationBuilder(ProximaApplication.class, CleanSchemaPerContext.class)
				: new SpringApplicationBuilder(ProximaApplication.class);
		// as arguments: default properties would lose to application.properties'
		// datasource
		try (ConfigurableApplicationContext app = builder.web(WebApplicationType.NONE)
			.run(properties.stream().map(p -> "--" + p).toArray(String[]::new))) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			TravelTimePrecompute precompute = app.getBean(TravelTimePrecompute.class);
			ImportReport.Status status = app.getBean(ImportService.class).importDirectory(SharedData.root()).status();
			if (status != ImportReport.Status.SUCCEEDED) {
				throw new IllegalStateException("Import of the shared data: " + status);
			}
			long t = System.nanoTime();
			TravelTimeRun run = precompute.refreshIfStale().orElseThrow();
			long empty = System.nanoTime() - t;
			TravelTimeRefresh full = precompute.lastRefresh().orElseThrow();
			System.out.printf(Locale.ROOT,
					"[bench] %s full estimate precompute, Lozère + neighbours, into the empty table: %,d offers x %,d"
							+ " communes, %,d pairs (cutoff %d min) in %d ms (compute %d ms, store %d ms)%n",
					database, full.offersComputed(), full.communesComputed(), run.pairs(), run.cutoffSeconds() / 60,
					empty / 1_000_000, full.computeMillis(), full.storeMillis());
			moves(database, app, jdbc, precompute);
			t = System.nanoTime();
			precompute.refresh();
			full = precompute.lastRefresh().orElseThrow();
			System.out.printf(Locale.ROOT,
					"[bench] %s full estimate precompute over an equal table: %d ms (compute %d ms, store %d ms)%n",
					database, (System.nanoTime() - t) / 1_000_000, full.computeMillis(), full.storeMillis());
		}
	}

	private static void moves(String database, ConfigurableApplicationContext app, JdbcTemplate jdbc,
			TravelTimePrecompute precompute) {
		CoverageService coverage = app.getBean(CoverageService.class);
		CoverageQuery query = CoverageQuery.parse("ehpad", 20.0, "48", null, null, null,
				app.getBean(CoverageSettings.class));
		CoverageReport before = coverage.coverage(query);
		String target = before.uncovered().get(0).code();
		double[] there = jdbc.queryForObject("SELECT ST_X(rep_point), ST_Y(rep_point) FROM commune WHERE code = ?",
				(rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2) }, target);
		Object[] offer = jdbc.queryForObject(
				"SELECT id, ST_X(geom), ST_Y(geom) FROM offer WHERE family = 'ehpad' AND geom IS NOT NULL"
						+ " AND commune_code LIKE '48%' ORDER BY id FETCH FIRST 1 ROWS ONLY",
				(rs, n) -> new Object[] { rs.getLong(1), rs.getDouble(2), rs.getDouble(3) });
		long[] visible = new long[MOVES];
		ExecutorService background = Executors.newSingleThreadExecutor();
		List<String> refreshes = new ArrayList<>();
		for (int m = 0; m < MOVES; m++) {
			boolean away = m % 2 == 0;
			double lon = away ? there[0] : (double) offer[1];
			double lat = away ? there[1] : (double) offer[2];
			long t = System.nanoTime();
			jdbc.update("UPDATE offer SET geom = ST_GeomFromText(?, 4326) WHERE id = ?",
					"POINT(" + lon + " " + lat + ")", offer[0]);
			app.publishEvent(new OffersChanged("bench: one offer moved"));
			// what the OffersChanged listener does with auto-refresh on (off here, so
			// that the
			// full precompute above is timed alone)
			background.execute(precompute::refreshIfStale);
			while (away == coverage.coverage(query).uncovered().stream().anyMatch(r -> r.code().equals(target))) {
				if (System.nanoTime() - t > 60_000_000_000L) {
					throw new IllegalStateException("The move never showed in the coverage answer");
				}
				sleep();
			}
			visible[m] = System.nanoTime() - t;
			TravelTimeRefresh r = precompute.lastRefresh().orElseThrow();
			refreshes.add(r.offersComputed() + " offer, " + r.rowsWritten() + " rows, compute " + r.computeMillis()
					+ " ms, store " + r.storeMillis() + " ms");
		}
		background.shutdown();
		System.out.printf(Locale.ROOT,
				"[bench] %s one EHPAD moved (to commune %s and back, %d times): visible in the coverage answer after"
						+ " median %d ms, max %d ms (%s); refreshes: %s%n",
				database, target, MOVES, median(visible), Arrays.stream(visible).max().orElseThrow() / 1_000_000,
				millis(visible), refreshes.get(refreshes.size() - 1));
	}

	/** A client polling every 2 ms, leaving the cores to the refresh. */
	private static void sleep() {
		try {
			Thread.sleep(2);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static long median(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2] / 1_000_000;
	}

	private static String millis(long[] nanos) {
		return String.join(", ", Arrays.stream(nanos).mapToObj(n -> (n / 1_000_000) + "").toList()) + " ms";
	}

}
