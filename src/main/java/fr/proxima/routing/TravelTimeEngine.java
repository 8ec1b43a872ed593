package fr.proxima.routing;

import java.util.ArrayList;
import java.util.List;

import fr.proxima.routing.internal.GraphHopperGraph;
import fr.proxima.routing.internal.NetworkRouter;
import fr.proxima.routing.internal.NetworkRouter.Placed;
import fr.proxima.routing.internal.Polygons;
import fr.proxima.shared.InvalidInputException;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The travel-time engine other modules use: answers on the road network when a graph is
 * loaded and a point lies on it, and with the documented estimate otherwise, per point.
 * Every answer carries its {@link TravelMethod} and the {@link Snapping} of its points;
 * nothing estimated is ever labelled network.
 */
@Service
public class TravelTimeEngine implements TravelTimes {

	private final GraphHopperGraph graph;

	private final NetworkRouter router;

	private final RoutingSettings settings;

	private final EstimateSettings estimate;

	public TravelTimeEngine(GraphHopperGraph graph, RoutingSettings settings, EstimateSettings estimate) {
		this.graph = graph;
		this.router = graph.router();
		this.settings = settings;
		this.estimate = estimate;
	}

	@Override
	public TravelMethod method() {
		return router == null ? TravelMethod.ESTIMATE : TravelMethod.NETWORK;
	}

	/**
	 * "estimate" without a graph, else a hash of the OSM file and profiles the graph was
	 * built from.
	 */
	public String graphFingerprint() {
		return graph.fingerprint();
	}

	public List<String> profiles() {
		return settings.profiles();
	}

	/**
	 * The given profile, or the default one when null or blank; 400 when it is not
	 * configured.
	 */
	public String profile(String requested) {
		if (requested == null || requested.isBlank()) {
			return settings.defaultProfile();
		}
		if (!settings.profiles().contains(requested)) {
			throw new InvalidInputException("Unknown profile '" + requested + "'. Available: " + settings.profiles());
		}
		return requested;
	}

	public Snapping snap(Point point, String profile) {
		return place(point, profile(profile)).snapping();
	}

	/**
	 * Time and distance between two points; on the network only when both are placed on
	 * it.
	 */
	public Route route(Point from, Point to, String profile, boolean withGeometry) {
		String p = profile(profile);
		Placed a = place(from, p);
		Placed b = place(to, p);
		if (a.onNetwork() && b.onNetwork()) {
			NetworkRouter.RouteResult r = router.route(p, a, b, withGeometry);
			return new Route(r.leg(), a.snapping(), b.snapping(), r.geometry());
		}
		return new Route(estimator(p).leg(from, to), a.snapping(), b.snapping(), null);
	}

	@Override
	public List<Leg> oneToMany(Point source, List<Point> targets, double cutoffSeconds, boolean toSource) {
		Leg[][] legs = legs(List.of(source), targets, cutoffSeconds, settings.defaultProfile(), toSource,
				Deadline.none())
			.legs();
		return List.of(legs[0]);
	}

	/**
	 * A sources × targets matrix with one shortest-path tree per source, bounded by the
	 * request limits.
	 * @param toSource false: from each source to each target; true: from each target to
	 * each source
	 */
	public Matrix matrix(List<Point> sources, List<Point> targets, double cutoffSeconds, String profile,
			boolean toSource) {
		long cells = (long) sources.size() * targets.size();
		if (cells > settings.limits().maxMatrixCells()) {
			throw new InvalidInputException(HttpStatus.CONTENT_TOO_LARGE,
					"A matrix of " + sources.size() + " × " + targets.size() + " = " + cells
							+ " cells exceeds the limit of " + settings.limits().maxMatrixCells()
							+ " (proxima.routing.limits.max-matrix-cells)");
		}
		checkMinutes(cutoffSeconds / 60);
		return legs(sources, targets, cutoffSeconds, profile(profile), toSource,
				Deadline.in(settings.limits().requestTimeoutSeconds()));
	}

	Matrix legs(List<Point> sources, List<Point> targets, double cutoffSeconds, String profile, boolean toSource,
			Deadline deadline) {
		List<Placed> from = placeAll(sources, profile);
		List<Placed> to = placeAll(targets, profile);
		Leg[][] legs = router == null ? new Leg[from.size()][to.size()]
				: router.matrix(profile, from, to, cutoffSeconds, toSource, deadline);
		EstimateTravelTimes estimator = estimator(profile);
		for (int s = 0; s < legs.length; s++) {
			for (int t = 0; t < legs[s].length; t++) {
				if (legs[s][t] == null) {
					legs[s][t] = estimator.leg(sources.get(s), targets.get(t), cutoffSeconds);
				}
			}
		}
		return new Matrix(from.stream().map(Placed::snapping).toList(), to.stream().map(Placed::snapping).toList(),
				legs);
	}

	/**
	 * Nested, non-overlapping rings reached within each of the given minutes (ascending,
	 * distinct); an estimate (disks) when the origin is not on the network.
	 */
	public Isochrone isochrone(Point origin, List<Integer> minutes, String profile, boolean toOrigin) {
		checkBands(minutes);
		String p = profile(profile);
		Placed placed = place(origin, p);
		List<MultiPolygon> reach = reach(placed, origin, minutes, p, toOrigin);
		List<Isochrone.Band> bands = new ArrayList<>(minutes.size());
		MultiPolygon inner = null;
		for (int i = 0; i < minutes.size(); i++) {
			MultiPolygon area = reach.get(i);
			MultiPolygon ring = inner == null ? area : Polygons.polygonal(area.difference(inner));
			bands.add(new Isochrone.Band(i == 0 ? 0 : minutes.get(i - 1), minutes.get(i), ring, area));
			inner = area;
		}
		return new Isochrone(placed.snapping(), placed.snapping().method(), bands);
	}

	/**
	 * Cumulative areas reached within each of the given minutes, with the method used.
	 */
	List<MultiPolygon> reach(Point origin, List<Integer> minutes, String profile, boolean toOrigin) {
		return reach(place(origin, profile), origin, minutes, profile, toOrigin);
	}

	private List<MultiPolygon> reach(Placed placed, Point origin, List<Integer> minutes, String profile,
			boolean toOrigin) {
		if (placed.onNetwork()) {
			try {
				return router.reach(profile, placed, minutes, toOrigin);
			}
			catch (IllegalArgumentException e) {
				throw new InvalidInputException(HttpStatus.UNPROCESSABLE_CONTENT, "Too few roads are reachable from "
						+ origin.getX() + "," + origin.getY() + " to draw an area; try a longer time or another point");
			}
		}
		EstimateTravelTimes estimator = estimator(profile);
		return minutes.stream().map(m -> estimator.reach(origin, m * 60.0)).toList();
	}

	@Override
	public double reachRadiusMetres(double seconds) {
		return reachRadiusMetres(seconds, settings.defaultProfile());
	}

	/**
	 * Straight-line radius beyond which nothing can be reached within {@code seconds}
	 * (for spatial prefilters).
	 */
	public double reachRadiusMetres(double seconds, String profile) {
		double estimated = estimator(profile(profile)).radiusMetres(seconds);
		return router == null ? estimated : Math.max(estimated, seconds * settings.prefilterSpeedKmh() / 3.6);
	}

	/**
	 * Bands must be ascending, distinct, at most {@code max-bands} of them and each
	 * within the time limit.
	 */
	public void checkBands(List<Integer> minutes) {
		if (minutes == null || minutes.isEmpty()) {
			throw new InvalidInputException("Give at least one time in minutes, e.g. minutes=10,20,30");
		}
		int maxBands = settings.limits().maxBands();
		if (minutes.size() > maxBands) {
			throw new InvalidInputException(HttpStatus.CONTENT_TOO_LARGE,
					minutes.size() + " bands exceed the limit of " + maxBands + " (proxima.routing.limits.max-bands)");
		}
		if (minutes.stream().anyMatch(m -> m == null)) {
			throw new InvalidInputException("Band minutes must be whole numbers separated by commas, got " + minutes);
		}
		for (int i = 0; i < minutes.size(); i++) {
			if (i > 0 && minutes.get(i) <= minutes.get(i - 1)) {
				throw new InvalidInputException("Band minutes must be strictly ascending, got " + minutes);
			}
			checkMinutes(minutes.get(i));
		}
	}

	/** 400 unless minutes > 0; 422 beyond {@code max-isochrone-minutes}. */
	public void checkMinutes(double minutes) {
		int max = settings.limits().maxIsochroneMinutes();
		if (!(minutes > 0)) {
			throw new InvalidInputException("Time must be more than 0 minutes, got " + minutes);
		}
		if (minutes > max) {
			throw new InvalidInputException(HttpStatus.UNPROCESSABLE_CONTENT, "Time must be more than 0 and at most "
					+ max + " minutes (proxima.routing.limits.max-isochrone-minutes), got " + minutes);
		}
	}

	RoutingSettings settings() {
		return settings;
	}

	private Placed place(Point point, String profile) {
		if (router == null) {
			return new Placed(Snapping.notPlaced(point.getX(), point.getY(), SnapStatus.NO_GRAPH, Double.NaN));
		}
		return router.place(profile, point.getX(), point.getY());
	}

	private List<Placed> placeAll(List<Point> points, String profile) {
		return points.stream().map(p -> place(p, profile)).toList();
	}

	/**
	 * The default profile's estimate when no graph is loaded (every answer is then that
	 * estimate, the same both ways), else null.
	 */
	EstimateTravelTimes estimatesOnly() {
		return router == null ? estimator(settings.defaultProfile()) : null;
	}

	private EstimateTravelTimes estimator(String profile) {
		return new EstimateTravelTimes(estimate, "foot".equals(profile));
	}

}
