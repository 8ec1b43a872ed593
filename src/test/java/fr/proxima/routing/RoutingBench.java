package fr.proxima.routing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import fr.proxima.ProximaApplication;
import fr.proxima.routing.internal.GraphHopperGraph;
import fr.proxima.routing.internal.NetworkRouter;
import fr.proxima.shared.Geo;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Travel-time engine figures, printed (not asserted): graph import time and heap, route
 * and 30-minute isochrone p50/p99, a 500 × 2,000 matrix with one tree per source against
 * per-pair routing, and the estimate-mode precompute of ~4,700 offers × ~2,000 communes.
 * Runs on the real Andorra extract and on a SYNTHETIC perturbed grid of ≥ 1 million edges
 * that it writes into {@code target/bench/}. Run: {@code ./mvnw -B test -Dtest='*Bench'
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
// issue 3
public class RoutingBench {

	static final Path BENCH = Path.of("target/bench");

	/**
	 * Grid side: 710 × 710 junctions give 2 × 710 × 709 = 1,006,780 road segments (graph
	 * edges).
	 */
	static final int GRID = 710;

	@Test
	void andorra() throws Exception {
		bench("Andorra (real OSM 2013)", AndorraGraph.osmFile(), 1.45, 42.44, 1.75, 42.64, 1000, 200, 1000);
	}

	@Test
	void syntheticGrid() throws Exception {
		Path osm = BENCH.resolve("synthetic-grid-" + GRID + ".osm");
		if (!Files.exists(osm)) {
			long t = System.nanoTime();
			writeSyntheticGrid(osm, GRID, 7);
			System.out.printf(Locale.ROOT, "[bench] wrote SYNTHETIC grid %s (%d MB) in %.1f s%n", osm,
					Files.size(osm) >> 20, (System.nanoTime() - t) / 1e9);
		}
		// a 30-minute isochrone here triangulates ~10^5 tree nodes (seconds each): fewer
		// samples, printed with n
		bench("SYNTHETIC perturbed grid " + GRID + "x" + GRID, osm, 3.05, 44.05, 4.25, 44.95, 300, 20, 200);
	}

	@Test
	void estimatePrecompute() {
		if (!part("precompute")) {
			return;
		}
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ProximaApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "proxima.routing.osm-file=",
					"proxima.routing.auto-refresh=false", "logging.level.root=WARN",
					"logging.level.fr.proxima.routing=INFO")
			.run()) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			Random random = new Random(3);
			TestStore.departement(jdbc, "99", null);
			List<Object[]> communes = new ArrayList<>();
			for (int i = 0; i < 2000; i++) {
				double lon = 2.9 + random.nextDouble() * 1.4;
				double lat = 44.0 + random.nextDouble() * 1.0;
				String square = "MULTIPOLYGON(((" + lon + " " + lat + ", " + (lon + 0.01) + " " + lat + ", "
						+ (lon + 0.01) + " " + (lat + 0.01) + ", " + lon + " " + lat + ")))";
				communes.add(new Object[] { String.format("9%04d", i), "Synthetic " + i, square, square,
						"POINT(" + lon + " " + lat + ")" });
			}
			jdbc.batchUpdate(
					"INSERT INTO commune (code, name, departement_code, cog_year, geom, display_geom, rep_point)"
							+ " VALUES (?, ?, '99', 2026, ST_GeomFromText(?, 4326), ST_GeomFromText(?, 4326),"
							+ " ST_GeomFromText(?, 4326))",
					communes);
			List<Object[]> offers = new ArrayList<>();
			for (int i = 0; i < 4700; i++) {
				offers.add(new Object[] { "Synthetic offer " + i,
						"POINT(" + (2.9 + random.nextDouble() * 1.4) + " " + (44.0 + random.nextDouble()) + ")" });
			}
			jdbc.batchUpdate(
					"INSERT INTO offer (name, family, audience, geom, source_name, imported_at)"
							+ " VALUES (?, 'ehpad', 'elderly', ST_GeomFromText(?, 4326), 'bench', CURRENT_TIMESTAMP)",
					offers);
			TravelTimePrecompute precompute = app.getBean(TravelTimePrecompute.class);
			long t = System.nanoTime();
			TravelTimeRun run = precompute.refresh();
			System.out.printf(Locale.ROOT,
					"[bench] estimate precompute (H2, SYNTHETIC 4,700 offers x 2,000 communes over 110 x 110 km, cutoff"
							+ " 60 min): %d pairs stored in %.1f s%n",
					run.pairs(), (System.nanoTime() - t) / 1e9);
		}
	}

	/**
	 * Issue 15: the full estimate precompute of Lozère + neighbours and the time from one
	 * offer moved to a coverage answer that shows it, on H2GIS and on PostGIS
	 * ({@code PROXIMA_TEST_PG_URL}, whose schema it cleans) in one run
	 * ({@code PROXIMA_BENCH_DATABASES=h2} or {@code postgis} for one only).
	 */
	@Test
	void lozerePrecompute() {
		if (!part("precompute")) {
			return;
		}
		String databases = System.getenv().getOrDefault("PROXIMA_BENCH_DATABASES", "h2,postgis");
		if (databases.contains("h2")) {
			LozerePrecompute.run("H2GIS", false, "spring.datasource.url=jdbc:h2:mem:bench-lozere;DB_CLOSE_DELAY=-1",
					"spring.datasource.username=sa", "spring.datasource.password=");
		}
		String pg = System.getenv("PROXIMA_TEST_PG_URL");
		if (!databases.contains("postgis")) {
			return;
		}
		if (pg == null) {
			System.out.println("[bench] PostGIS part skipped: set PROXIMA_TEST_PG_URL (its schema is cleaned)");
			return;
		}
		LozerePrecompute.run("PostGIS", true, "spring.datasource.url=" + pg, "spring.datasource.username=proxima",
				"spring.datasource.password=proxima");
	}

	private void bench(String label, Path osm, double minLon, double minLat, double maxLon, double maxLat, int routes,
			int isochrones, int pairSample) throws IOException {
		Path dir = BENCH.resolve("graph-" + osm.getFileName());
		boolean rebuild = Boolean.getBoolean("proxima.bench.rebuild") || !Files.isDirectory(dir);
		if (rebuild) {
			deleteRecursively(dir);
		}
		RoutingSettings settings = new RoutingSettings(osm.toString(), dir, List.of("car"), 2000, 60, false, 130,
				new RoutingSettings.Limits(120, 10, 1_000_000, 200, 100, 24 * 3600));
		long heapBefore = usedHeap();
		long t0 = System.nanoTime();
		GraphHopperGraph graph = new GraphHopperGraph(settings);
		double importSeconds = (System.nanoTime() - t0) / 1e9;
		long heapAfter = usedHeap();
		try {
			TravelTimeEngine engine = new TravelTimeEngine(graph, settings, AndorraGraph.estimate());
			GraphHopperGraph.GraphStatus status = graph.status();
			System.out.printf(Locale.ROOT, "%n[bench] === %s: %,d nodes, %,d edges ===%n", label, status.nodes(),
					status.edges());
			System.out.printf(Locale.ROOT,
					"[bench] %s %.1f s (CH preparation of the car profile included when built), heap held by the"
							+ " graph %d MB%n",
					rebuild ? "import" : "load from the graph cache (-Dproxima.bench.rebuild=true to rebuild)",
					importSeconds, (heapAfter - heapBefore) >> 20);
			Random random = new Random(11);
			List<Point> points = snapped(engine, random, minLon, minLat, maxLon, maxLat, Math.max(2 * routes, 2500));

			if (part("route")) {
				System.out.printf(Locale.ROOT, "[bench] load average before the routes: %.1f%n", loadAverage());
				benchRoutes(graph.router(), points, routes);
				System.out.printf(Locale.ROOT, "[bench] load average after the routes: %.1f%n", loadAverage());
			}

			if (part("isochrone")) {
				benchIsochrones(engine, graph.router(), points, isochrones);
			}
			if (!part("matrix")) {
				return;
			}

			List<Point> sources = points.subList(0, 500);
			List<Point> targetPoints = points.subList(500, 2500);
			NetworkRouter router = graph.router();
			System.out.printf(Locale.ROOT, "[bench] load average before the matrix: %.1f%n", loadAverage());
			long t = System.nanoTime();
			double cpu = cpuSeconds();
			Matrix matrix = engine.matrix(sources, targetPoints, 3600, "car", false);
			double chSeconds = (System.nanoTime() - t) / 1e9;
			double chCpu = cpuSeconds() - cpu;
			long reachable = Arrays.stream(matrix.legs()).flatMap(Arrays::stream).filter(Leg::reachable).count();
			// before: one array tree per source on the same cores, on a sample of the
			// sources, compared cell for cell
			int sampled = 50;
			t = System.nanoTime();
			cpu = cpuSeconds();
			Leg[][] trees = router.matrixByTrees("car", place(router, sources.subList(0, sampled)),
					place(router, targetPoints), 3600, false, () -> {
					});
			double treeSeconds = (System.nanoTime() - t) / 1e9 * sources.size() / sampled;
			double treeCpu = (cpuSeconds() - cpu) * sources.size() / sampled;
			double largest = 0;
			long differentReach = 0;
			for (int s = 0; s < sampled; s++) {
				for (int c = 0; c < targetPoints.size(); c++) {
					Leg a = matrix.legs()[s][c];
					Leg b = trees[s][c];
					if (a.reachable() != b.reachable()) {
						differentReach++;
					}
					else if (a.reachable()) {
						largest = Math.max(largest, Math.abs(a.seconds() - b.seconds()));
					}
				}
			}
			System.out.printf(Locale.ROOT,
					"[bench] matrix 500 x 2,000 (cutoff 60 min, %,d cells reachable): CH buckets on %d cores (after)"
							+ " %.2f s; array tree per source on %d cores (before) %.1f s extrapolated from %d sources;"
							+ " ratio %.3f; CPU time of the process %.1f s (after), %.1f s (before, extrapolated); on"
							+ " those sources largest time difference %.3f s, %d cells reachable by one method only%n",
					reachable, Runtime.getRuntime().availableProcessors(), chSeconds,
					Runtime.getRuntime().availableProcessors(), treeSeconds, sampled, chSeconds / treeSeconds, chCpu,
					treeCpu, largest, differentReach);
			t = System.nanoTime();
			for (int i = 0; i < pairSample; i++) {
				engine.route(sources.get(random.nextInt(sources.size())),
						targetPoints.get(random.nextInt(targetPoints.size())), "car", false);
			}
			double perPair = (System.nanoTime() - t) / 1e9 / pairSample;
			double perPairTotal = perPair * sources.size() * targetPoints.size();
			System.out.printf(Locale.ROOT,
					"[bench] matrix 500 x %,d: CH buckets %.2f s; per-pair CH routing %.2f ms/pair measured on %,d"
							+ " random pairs, extrapolated to %.1f s; ratio %.0fx%n",
					targetPoints.size(), chSeconds, perPair * 1000, pairSample, perPairTotal, perPairTotal / chSeconds);
		}
		finally {
			graph.destroy();
		}
	}

	/**
	 * The same random pairs routed with contraction hierarchies (the engine's route) and
	 * by A* on the base graph (the method before CH), interleaved; the first pass warms
	 * the JIT up.
	 */
	private static void benchRoutes(NetworkRouter router, List<Point> points, int routes) {
		long[] chNanos = new long[routes];
		long[] baseNanos = new long[routes];
		double maxDifference = 0;
		for (int w = 0; w < 2; w++) {
			for (int i = 0; i < routes; i++) {
				Point a = points.get(2 * i);
				Point b = points.get(2 * i + 1);
				long t = System.nanoTime();
				NetworkRouter.RouteResult ch = router.route("car", router.place("car", a.getX(), a.getY()),
						router.place("car", b.getX(), b.getY()), false);
				chNanos[i] = System.nanoTime() - t;
				t = System.nanoTime();
				NetworkRouter.RouteResult base = router.routeOnBaseGraph("car", router.place("car", a.getX(), a.getY()),
						router.place("car", b.getX(), b.getY()), false);
				baseNanos[i] = System.nanoTime() - t;
				maxDifference = Math.max(maxDifference, Math.abs(ch.leg().seconds() - base.leg().seconds()));
			}
		}
		System.out.printf(Locale.ROOT, "[bench] route, CH prepared: %b; largest time difference CH vs A*: %.3f s%n",
				router.preparedForRoutes("car"), maxDifference);
		print("route, CH (after)", chNanos);
		print("route, A* on the base graph (before)", baseNanos);
		System.out.printf(Locale.ROOT, "[bench] route p50 ratio CH / A*: %.3f%n",
				(double) median(chNanos) / median(baseNanos));
	}

	/**
	 * 30-minute isochrones from the same points by the engine (a tree on compact road
	 * arrays, gridded, contoured), by the method it replaced (the same grid from a tree
	 * read through GraphHopper's edge iterators on the query graph) and, for the first
	 * few, by the triangulation used before the grid; interleaved, after a warm-up pass
	 * of 5 (1 triangulation). Wall-clock and thread CPU times; the load average beside.
	 */
	private static void benchIsochrones(TravelTimeEngine engine, NetworkRouter router, List<Point> points,
			int isochrones) {
		int n = Integer.getInteger("proxima.bench.isochrones", isochrones);
		int triangulations = Math.min(n, Integer.getInteger("proxima.bench.triangulations", 3));
		long[][] wall = { new long[n], new long[n], new long[triangulations] };
		long[][] cpu = { new long[n], new long[n], new long[triangulations] };
		double[] area = new double[4];
		var threads = java.lang.management.ManagementFactory.getThreadMXBean();
		// the origins from which the method before draws an area (a point snapped onto a
		// road that leads nowhere cannot have one)
		List<Point> origins = new ArrayList<>();
		int skipped = 0;
		for (int k = 0; origins.size() < n && k < points.size(); k++) {
			Point p = points.get(k);
			try {
				router.reachOnQueryGraph("car", router.place("car", p.getX(), p.getY()), List.of(30), false);
				origins.add(p);
			}
			catch (IllegalArgumentException e) {
				skipped++;
			}
		}
		System.out.printf(Locale.ROOT,
				"[bench] %d origins (%d random road points skipped: too few roads reached to draw an area); load"
						+ " average before the isochrones: %.1f%n",
				origins.size(), skipped, loadAverage());
		if (origins.size() < n) {
			throw new IllegalStateException("Too few origins with an area: " + origins.size());
		}
		for (int w = 0; w < 2; w++) {
			for (int i = 0; i < (w == 0 ? Math.min(n, 5) : n); i++) {
				Point p = origins.get(i);
				for (int method = 0; method < (i < (w == 0 ? 1 : triangulations) ? 3 : 2); method++) {
					long c = threads.getCurrentThreadCpuTime();
					long t = System.nanoTime();
					MultiPolygon reach = switch (method) {
						case 0 -> engine.isochrone(p, List.of(30), "car", false).bands().get(0).reach();
						case 1 ->
							router.reachOnQueryGraph("car", router.place("car", p.getX(), p.getY()), List.of(30), false)
								.get(0);
						default -> router
							.reachByTriangulation("car", router.place("car", p.getX(), p.getY()), List.of(30), false)
							.get(0);
					};
					if (w == 1) {
						wall[method][i] = System.nanoTime() - t;
						cpu[method][i] = threads.getCurrentThreadCpuTime() - c;
						area[method] += reach.getArea();
						area[3] += method == 0 && i < triangulations ? reach.getArea() : 0;
					}
				}
			}
		}
		String[] names = { "compact road arrays (after)", "tree on the query graph (before)",
				"triangulated tree (before the grid)" };
		for (int method = 0; method < (triangulations > 0 ? 3 : 2); method++) {
			print("30-minute isochrone, " + names[method] + ", wall", wall[method]);
			print("30-minute isochrone, " + names[method] + ", thread CPU", cpu[method]);
		}
		System.out.printf(Locale.ROOT,
				"[bench] isochrone p50 ratio after / before: %.3f (wall), %.3f (CPU); after / triangulation: %.3f;"
						+ " mean area ratio after / before %.4f, after / triangulation %.3f; load average after the isochrones %.1f%n",
				(double) median(wall[0]) / median(wall[1]), (double) median(cpu[0]) / median(cpu[1]),
				triangulations == 0 ? Double.NaN : (double) median(wall[0]) / median(wall[2]), area[0] / area[1],
				area[3] / area[2], loadAverage());
	}

	private static double loadAverage() {
		return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	/**
	 * Which parts to run: {@code -Dproxima.bench.parts=route,isochrone,matrix} (all by
	 * default).
	 */
	static boolean part(String name) {
		String parts = System.getProperty("proxima.bench.parts", "");
		return parts.isBlank() || List.of(parts.split(",")).contains(name);
	}

	static long median(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static List<Point> snapped(TravelTimeEngine engine, Random random, double minLon, double minLat,
			double maxLon, double maxLat, int count) {
		List<Point> points = new ArrayList<>(count);
		while (points.size() < count) {
			Point p = Geo.point(minLon + random.nextDouble() * (maxLon - minLon),
					minLat + random.nextDouble() * (maxLat - minLat));
			if (engine.snap(p, "car").status() == SnapStatus.SNAPPED) {
				points.add(p);
			}
		}
		return points;
	}

	/**
	 * CPU time of this process (all threads): what the machine's load does not inflate.
	 */
	private static double cpuSeconds() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
	}

	private static List<NetworkRouter.Placed> place(NetworkRouter router, List<Point> points) {
		return points.stream().map(p -> router.place("car", p.getX(), p.getY())).toList();
	}

	private static void print(String what, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		System.out.printf(Locale.ROOT, "[bench] %s: p50 %.2f ms, p99 %.2f ms (n=%d)%n", what,
				sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
				sorted.length);
	}

	/**
	 * Writes a SYNTHETIC road network as OSM XML: a side × side grid of junctions about
	 * 170 m apart (jittered by up to ±40 m), one way per row and per column; every 10th
	 * row/column is a primary road, every 5th a tertiary, the rest residential. Placed
	 * over Lozère's longitudes and latitudes only to have realistic coordinates.
	 */
	public static void writeSyntheticGrid(Path file, int side, long seed) throws IOException {
		Files.createDirectories(file.getParent());
		Random random = new Random(seed);
		double step = 0.0017;
		try (BufferedWriter w = Files.newBufferedWriter(file)) {
			w.write("<?xml version='1.0' encoding='UTF-8'?>\n");
			// GraphHopper wants <osm> as the first element: the label goes in its
			// generator attribute and a comment
			w.write("<osm version='0.6' generator='proxima RoutingBench SYNTHETIC grid'>\n");
			w.write("<!-- SYNTHETIC road network for benchmarks, not real data: perturbed grid " + side + "x" + side
					+ " -->\n");
			for (int r = 0; r < side; r++) {
				for (int c = 0; c < side; c++) {
					double lat = 44.05 + r * step * 0.75 + (random.nextDouble() - 0.5) * 0.0007;
					double lon = 3.05 + c * step + (random.nextDouble() - 0.5) * 0.0007;
					w.write(String.format(Locale.ROOT, "<node id='%d' lat='%.7f' lon='%.7f'/>\n", r * side + c + 1, lat,
							lon));
				}
			}
			long wayId = 1;
			for (int horizontal = 0; horizontal < 2; horizontal++) {
				for (int line = 0; line < side; line++) {
					w.write("<way id='" + wayId++ + "'>");
					for (int k = 0; k < side; k++) {
						long node = horizontal == 1 ? (long) line * side + k + 1 : (long) k * side + line + 1;
						w.write("<nd ref='" + node + "'/>");
					}
					String highway = line % 10 == 0 ? "primary" : line % 5 == 0 ? "tertiary" : "residential";
					w.write("<tag k='highway' v='" + highway + "'/></way>\n");
				}
			}
			w.write("</osm>\n");
		}
	}

	private static long usedHeap() {
		System.gc();
		Runtime rt = Runtime.getRuntime();
		return rt.totalMemory() - rt.freeMemory();
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (Stream<Path> files = Files.walk(dir)) {
				for (Path f : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
					Files.delete(f);
				}
			}
		}
	}

}
