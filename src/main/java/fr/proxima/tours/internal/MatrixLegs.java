package fr.proxima.tours.internal;

import java.util.ArrayList;
import java.util.List;

import fr.proxima.routing.Leg;
import fr.proxima.routing.Matrix;
import fr.proxima.routing.SnapStatus;
import fr.proxima.routing.TravelMethod;
import fr.proxima.routing.TravelTimeEngine;
import org.locationtech.jts.geom.Point;

/**
 * The engine's travel-time matrix between all points of a problem (one shortest-path tree
 * per point), as the arrays the solver reads and as legs along an order.
 */
public final class MatrixLegs {

	/** Legs longer than this are unreachable (the engine's longest cutoff). */
	static final double CUTOFF_SECONDS = 120 * 60;

	private final Matrix matrix;

	private final double[][] seconds;

	private final double[][] metres;

	private MatrixLegs(Matrix matrix) {
		this.matrix = matrix;
		int n = matrix.legs().length;
		this.seconds = new double[n][n];
		this.metres = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				Leg leg = matrix.legs()[i][j];
				seconds[i][j] = i == j ? 0 : leg.seconds();
				metres[i][j] = i == j ? 0 : leg.metres();
			}
		}
	}

	public static MatrixLegs of(TravelTimeEngine engine, List<Point> points) {
		return new MatrixLegs(engine.matrix(points, points, CUTOFF_SECONDS, null, false));
	}

	public double[][] seconds() {
		return seconds;
	}

	public double[][] metres() {
		return metres;
	}

	public TravelMethod method() {
		return matrix.method();
	}

	/** Indexes of the points the engine could not place on the road network. */
	public List<Integer> offNetwork() {
		List<Integer> off = new ArrayList<>();
		for (int i = 0; i < matrix.sources().size(); i++) {
			if (matrix.sources().get(i).status() != SnapStatus.SNAPPED) {
				off.add(i);
			}
		}
		return off;
	}

	public SnapStatus status(int point) {
		return matrix.sources().get(point).status();
	}

	/** The legs start → stops → end, through point indexes. */
	public List<Leg> along(int start, List<Integer> stops, int end) {
		List<Leg> legs = new ArrayList<>(stops.size() + 1);
		int at = start;
		for (int s : stops) {
			legs.add(leg(at, s));
			at = s;
		}
		legs.add(leg(at, end));
		return legs;
	}

	private Leg leg(int i, int j) {
		return i == j ? new Leg(0, 0, TravelMethod.NETWORK) : matrix.legs()[i][j];
	}

}
