package fr.proxima.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import fr.proxima.routing.internal.NetworkRouter;
import fr.proxima.routing.internal.NetworkRouter.Placed;
import fr.proxima.shared.Geo;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

// issue 15: the CH many-to-many matrix gives the route's time and length for every cell, on the real Andorra graph
class ChMatrixTest {

	final NetworkRouter router = AndorraGraph.router();

	@Test
	void theChMatrixEqualsPerPairRoutesAndTheTreeMatrixCellForCell() {
		List<Point> points = points(40, 5);
		for (boolean toSource : new boolean[] { false, true }) {
			Leg[][] ch = router.matrixOnCh("car", place(points), place(points), 3600, toSource, () -> {
			});
			Leg[][] trees = router.matrixByTrees("car", place(points), place(points), 3600, toSource, () -> {
			});
			int reachable = 0;
			for (int s = 0; s < points.size(); s++) {
				for (int t = 0; t < points.size(); t++) {
					Point from = toSource ? points.get(t) : points.get(s);
					Point to = toSource ? points.get(s) : points.get(t);
					Leg route = router.route("car", place(from), place(to), false).leg();
					Leg cell = ch[s][t];
					String pair = s + " -> " + t + (toSource ? " (to source)" : "");
					assertThat(cell.reachable()).as(pair).isEqualTo(route.seconds() <= 3600);
					assertThat(cell.reachable()).as(pair).isEqualTo(trees[s][t].reachable());
					if (cell.reachable()) {
						reachable++;
						assertThat(cell.method()).isEqualTo(TravelMethod.NETWORK);
						// the same roads, each timed once: equal to the millisecond but
						// for the
						// rounding of the split roads at the snapped points
						assertThat(cell.seconds()).as(pair).isCloseTo(route.seconds(), within(0.01));
						assertThat(cell.metres()).as(pair).isCloseTo(route.metres(), within(0.5));
						assertThat(cell.seconds()).as(pair).isCloseTo(trees[s][t].seconds(), within(0.01));
						assertThat(cell.metres()).as(pair).isCloseTo(trees[s][t].metres(), within(0.5));
					}
				}
			}
			assertThat(reachable).isGreaterThan(points.size() * points.size() / 2);
		}
	}

	@Test
	void cellsBeyondTheCutoffAreUnreachableAndTheOthersKeepTheirTimes() {
		List<Point> points = points(30, 9);
		Leg[][] all = router.matrixOnCh("car", place(points), place(points), 3600, false, () -> {
		});
		Leg[][] cut = router.matrixOnCh("car", place(points), place(points), 600, false, () -> {
		});
		int within = 0;
		int beyond = 0;
		for (int s = 0; s < points.size(); s++) {
			for (int t = 0; t < points.size(); t++) {
				if (all[s][t].reachable() && all[s][t].seconds() <= 600) {
					within++;
					assertThat(cut[s][t].seconds()).isEqualTo(all[s][t].seconds());
				}
				else {
					beyond++;
					assertThat(cut[s][t].reachable()).isFalse();
					assertThat(cut[s][t].method()).isEqualTo(TravelMethod.NETWORK);
				}
			}
		}
		assertThat(within).isGreaterThan(points.size());
		assertThat(beyond).isGreaterThan(points.size());
	}

	@Test
	void aMatrixOfManySourcesTakesTheChAndPointsOffTheNetworkAreLeftToTheEstimate() {
		List<Point> points = new ArrayList<>(points(12, 3));
		points.add(Geo.point(3.5, 44.5));
		Leg[][] engine = router.matrix("car", place(points), place(points), 3600, false, () -> {
		});
		Leg[][] ch = router.matrixOnCh("car", place(points), place(points), 3600, false, () -> {
		});
		for (int s = 0; s < points.size(); s++) {
			for (int t = 0; t < points.size(); t++) {
				if (s == points.size() - 1 || t == points.size() - 1) {
					assertThat(engine[s][t]).isNull();
				}
				else {
					assertThat(engine[s][t]).isEqualTo(ch[s][t]);
				}
			}
		}
	}

	/** Random points on Andorra's roads. */
	private List<Point> points(int count, long seed) {
		Random random = new Random(seed);
		List<Point> points = new ArrayList<>();
		while (points.size() < count) {
			Point p = Geo.point(1.45 + random.nextDouble() * 0.3, 42.44 + random.nextDouble() * 0.2);
			if (place(p).onNetwork()) {
				points.add(p);
			}
		}
		return points;
	}

	/** Placed afresh for each query: a query graph changes the snaps it holds. */
	private Placed place(Point p) {
		return router.place("car", p.getX(), p.getY());
	}

	private List<Placed> place(List<Point> points) {
		return points.stream().map(this::place).toList();
	}

}
