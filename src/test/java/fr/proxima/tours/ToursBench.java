package fr.proxima.tours;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import fr.proxima.ProximaApplication;
import fr.proxima.routing.RoutingBench;
import fr.proxima.routing.SnapStatus;
import fr.proxima.routing.TravelTimeEngine;
import fr.proxima.shared.Geo;
import fr.proxima.tours.internal.Reorderer;
import fr.proxima.tours.internal.TourComputer;
import fr.proxima.tours.internal.VrpSolver;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Optimisation and tour figures, printed (not asserted): the gap to the proven optimum
 * and the time for the Solomon instances of 25, 50 and 100 customers; tour computation
 * and reordering times for 20, 50 and 150 visits on RoutingBench's SYNTHETIC perturbed
 * grid. Run:
 * {@code ./mvnw -B test -Dtest=ToursBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
// issue 13
class ToursBench {

	static final int GRID = 710;

	@Test
	void solomonGapAndTime() throws Exception {
		for (int customers : new int[] { 25, 50, 100 }) {
			for (String name : List.of("C101", "R101", "RC101")) {
				Solomon instance = Solomon.read(name, customers);
				VrpSolver.Answer answer = instance.solve(new VrpSolver.Budget(60_000, 2000, 1));
				double found = instance.checkedDistance(answer);
				double best = Solomon.optimum(name, customers);
				System.out.printf(Locale.ROOT,
						"[bench] Solomon %s-%d: %.1f vs optimum %.1f, gap %.2f %%, %d vehicles, %.1f s, %d iterations%n",
						name, customers, found, best, 100 * (found - best) / best, answer.routes().size(),
						answer.millis() / 1000.0, answer.iterations());
			}
		}
	}

	@Test
	void toursOnTheSyntheticGrid() throws Exception {
		Path osm = Path.of("target/bench/synthetic-grid-" + GRID + ".osm");
		if (!Files.exists(osm)) {
			RoutingBench.writeSyntheticGrid(osm, GRID, 7);
		}
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ProximaApplication.class)
			.web(WebApplicationType.NONE)
			// command-line arguments: default properties would lose to
			// application.properties
			.run("--spring.datasource.url=jdbc:h2:mem:tours-bench;DB_CLOSE_DELAY=-1",
					"--proxima.routing.osm-file=" + osm, "--proxima.routing.graph-dir=target/bench/graph-tours-grid",
					"--proxima.routing.auto-refresh=false", "--logging.level.root=WARN")) {
			TravelTimeEngine engine = app.getBean(TravelTimeEngine.class);
			TourComputer computer = app.getBean(TourComputer.class);
			Reorderer reorderer = app.getBean(Reorderer.class);
			Random random = new Random(13);
			for (int n : new int[] { 20, 50, 150 }) {
				Tour tour = tour(engine, random, n);
				computer.compute(tour, true); // warm-up
				long t = System.nanoTime();
				TourComputer.Computed c = computer.compute(tour, true);
				double computeMs = (System.nanoTime() - t) / 1e6;
				t = System.nanoTime();
				Reorderer.Result r = reorderer.reorder(tour, new VrpSolver.Budget(10_000, 2000, 1), false);
				double optimiseMs = (System.nanoTime() - t) / 1e6;
				System.out.printf(Locale.ROOT,
						"[bench] SYNTHETIC grid %dx%d, %d visits: computed with geometry in %.0f ms (%s, %.0f min"
								+ " drive); reordered in %.0f ms (matrix + %d ms search, %d iterations): drive %.0f ->"
								+ " %.0f min, late visits %d -> %d, unassigned %d%n",
						GRID, GRID, n, computeMs, c.view().method().code(), c.schedule().driveSeconds() / 60,
						optimiseMs, r.millis(), r.iterations(), r.before().driveSeconds() / 60,
						r.after().driveSeconds() / 60, r.before().lateVisits(), r.after().lateVisits(),
						r.unassigned().size());
			}
		}
	}

	/**
	 * {@code n} visits on the grid (snapped) in random order, over a square that shrinks
	 * as n grows (0.3° for 20 visits, 0.11° for 150) so that one day can hold them: 5
	 * minutes each, 8-hour windows opening between 06:00 and 12:00.
	 */
	static Tour tour(TravelTimeEngine engine, Random random, int n) {
		List<Tour.Visit> visits = new ArrayList<>();
		double side = 0.3 * Math.sqrt(20.0 / n);
		for (int tries = 0; visits.size() < n; tries++) {
			if (tries > 100 * n) {
				throw new IllegalStateException("No visit could be placed on the road graph (" + engine.method()
						+ "): check proxima.routing.osm-file and the graph folder");
			}
			double lon = 3.55 - side / 2 + random.nextDouble() * side;
			double lat = 44.4 - side / 2 + random.nextDouble() * side;
			if (engine.snap(Geo.point(lon, lat), null).status() == SnapStatus.SNAPPED) {
				int from = 6 * 60 + random.nextInt(7) * 60;
				visits.add(new Tour.Visit(lon, lat, null, from, from + 480, 5, CareType.HYGIENE));
			}
		}
		return new Tour(1L, 1, LocalDate.of(2026, 11, 20), "IDE-BENCH", 6 * 60, 3.55, 44.4, 3.55, 44.4, visits);
	}

}
