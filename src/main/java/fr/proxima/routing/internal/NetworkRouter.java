package fr.proxima.routing.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.routing.AStarBidirection;
import com.graphhopper.routing.EdgeToEdgeRoutingAlgorithm;
import com.graphhopper.routing.Path;
import com.graphhopper.routing.ch.CHRoutingAlgorithmFactory;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.RoutingCHGraph;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.PMap;
import com.graphhopper.util.shapes.BBox;
import fr.proxima.routing.Leg;
import fr.proxima.routing.RoutingSettings;
import fr.proxima.routing.SnapStatus;
import fr.proxima.routing.Snapping;
import fr.proxima.routing.TravelMethod;
import fr.proxima.shared.Geo;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * Shortest paths, shortest-path trees and isochrone contours on the loaded graph. Every
 * query is answered with node-based Dijkstra-type searches on a {@link QueryGraph}
 * holding the snapped points; weights are travel times, so a tree and a point-to-point
 * route agree. Thread-safe: each call builds its own query graph and algorithm.
 */
public final class NetworkRouter {

	/**
	 * Explore a little past the last band so that the contour closes between reached and
	 * unreached nodes.
	 */
	private static final double CONTOUR_MARGIN = 0.5;

	private static final long CONTOUR_MARGIN_MIN_MS = 600_000;

	/**
	 * The fewest sources for which a matrix takes the CH bucket algorithm: below, a tree
	 * per source costs less than an upward search per target.
	 */
	static final int CH_MATRIX_MIN_SOURCES = 8;

	/**
	 * The most targets per source for which a matrix takes the CH bucket algorithm (a
	 * source and many targets, as in the precompute, stay on trees).
	 */
	static final int CH_MATRIX_MAX_TARGETS_PER_SOURCE = 64;

	private final GraphHopper hopper;

	private final BaseGraph graph;

	private final BBox bounds;

	private final double maxSnapMetres;

	private final Map<String, Weighting> weightings = new HashMap<>();

	private final Map<String, EdgeFilter> snapFilters = new HashMap<>();

	private final Map<String, RoutingCHGraph> chGraphs;

	private final Map<String, ChTimes> chTimes = new ConcurrentHashMap<>();

	private final Map<String, RoadTimes> roadTimes = new ConcurrentHashMap<>();

	private final Map<String, CompactRoads> compactRoads = new ConcurrentHashMap<>();

	NetworkRouter(GraphHopper hopper, RoutingSettings settings) {
		this.hopper = hopper;
		this.graph = hopper.getBaseGraph();
		this.bounds = graph.getBounds();
		this.maxSnapMetres = settings.maxSnapMetres();
		this.chGraphs = hopper.getCHGraphs();
		for (Profile profile : hopper.getProfiles()) {
			Weighting w = hopper.createWeighting(profile, new PMap());
			weightings.put(profile.getName(), w);
			snapFilters.put(profile.getName(), new DefaultSnapFilter(w,
					hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(profile.getName()))));
		}
	}

	/**
	 * A query point and, when it could be placed on a road, its GraphHopper snap (used by
	 * one query only).
	 */
	public static final class Placed {

		private final Snapping snapping;

		private final Snap snap;

		public Placed(Snapping snapping) {
			this(snapping, null);
		}

		Placed(Snapping snapping, Snap snap) {
			this.snapping = snapping;
			this.snap = snap;
		}

		public Snapping snapping() {
			return snapping;
		}

		public boolean onNetwork() {
			return snap != null;
		}

		Snap snap() {
			return snap;
		}

	}

	/**
	 * Places a point on the profile's main road network: outside the graph's bounding
	 * box, or farther than the configured snap distance from any road, it is not placed
	 * and says why.
	 */
	public Placed place(String profile, double lon, double lat) {
		if (!bounds.contains(lat, lon)) {
			return new Placed(Snapping.notPlaced(lon, lat, SnapStatus.OUTSIDE_GRAPH, Double.NaN), null);
		}
		Snap snap = hopper.getLocationIndex().findClosest(lat, lon, snapFilters.get(profile));
		if (!snap.isValid()) {
			return new Placed(Snapping.notPlaced(lon, lat, SnapStatus.TOO_FAR_FROM_ROAD, Double.NaN), null);
		}
		double metres = snap.getQueryDistance();
		if (metres > maxSnapMetres) {
			return new Placed(Snapping.notPlaced(lon, lat, SnapStatus.TOO_FAR_FROM_ROAD, metres), null);
		}
		return new Placed(new Snapping(lon, lat, SnapStatus.SNAPPED, metres, snap.getSnappedPoint().lon,
				snap.getSnappedPoint().lat), snap);
	}

	/** GraphHopper's default, Long.MAX_VALUE, overflows: an exception on every route. */
	private static final long NO_TIMEOUT_MILLIS = Duration.ofDays(1).toMillis();

	/**
	 * Fastest route between two placed points; unreachable (network) when no path exists.
	 * On a profile prepared with contraction hierarchies this is a bidirectional CH
	 * search, else bidirectional A* on the base graph.
	 */
	public RouteResult route(String profile, Placed from, Placed to, boolean withGeometry) {
		RoutingCHGraph ch = chGraphs.get(profile);
		if (ch == null) {
			return routeOnBaseGraph(profile, from, to, withGeometry);
		}
		QueryGraph qg = QueryGraph.create(graph, from.snap(), to.snap());
		EdgeToEdgeRoutingAlgorithm algo = new CHRoutingAlgorithmFactory(ch, qg).createAlgo(new PMap());
		algo.setTimeoutMillis(NO_TIMEOUT_MILLIS);
		return result(algo.calcPath(from.snap().getClosestNode(), to.snap().getClosestNode()), withGeometry);
	}

	/**
	 * The same route by bidirectional A* on the base graph, without the CH preparation:
	 * what the tests compare CH routes with, and the bench's baseline.
	 */
	public RouteResult routeOnBaseGraph(String profile, Placed from, Placed to, boolean withGeometry) {
		QueryGraph qg = QueryGraph.create(graph, from.snap(), to.snap());
		AStarBidirection algo = new AStarBidirection(qg, qg.wrapWeighting(weightings.get(profile)),
				TraversalMode.NODE_BASED);
		algo.setTimeoutMillis(NO_TIMEOUT_MILLIS);
		return result(algo.calcPath(from.snap().getClosestNode(), to.snap().getClosestNode()), withGeometry);
	}

	/** Whether routes of this profile use contraction hierarchies. */
	public boolean preparedForRoutes(String profile) {
		return chGraphs.containsKey(profile);
	}

	private static RouteResult result(Path path, boolean withGeometry) {
		if (!path.isFound()) {
			return new RouteResult(Leg.unreachable(TravelMethod.NETWORK), null);
		}
		Leg leg = new Leg(path.getTime() / 1000.0, path.getDistance(), TravelMethod.NETWORK);
		LineString line = withGeometry ? (LineString) Geo.FACTORY.createGeometry(path.calcPoints().toLineString(false))
				: null;
		return new RouteResult(leg, line);
	}

	public record RouteResult(Leg leg, LineString geometry) {
	}

	/**
	 * Travel times from each placed source to each placed target (or back when
	 * {@code toSource}) over one query graph holding every point. On a profile prepared
	 * with contraction hierarchies and with at least {@link #CH_MATRIX_MIN_SOURCES}
	 * sources and at most {@link #CH_MATRIX_MAX_TARGETS_PER_SOURCE} targets per source,
	 * by the CH bucket algorithm ({@link ChMatrix}); else one array tree per source
	 * ({@link #matrixByTrees}). Cells whose source or target is not on the network are
	 * left null for the caller to estimate.
	 * @param beforeEachTree called before each search (a deadline check may throw from
	 * it)
	 */
	public Leg[][] matrix(String profile, List<Placed> sources, List<Placed> targets, double cutoffSeconds,
			boolean toSource, Runnable beforeEachTree) {
		boolean buckets = chGraphs.containsKey(profile) && sources.size() >= CH_MATRIX_MIN_SOURCES
				&& targets.size() <= (long) sources.size() * CH_MATRIX_MAX_TARGETS_PER_SOURCE;
		return buckets ? matrixOnCh(profile, sources, targets, cutoffSeconds, toSource, beforeEachTree)
				: matrixByTrees(profile, sources, targets, cutoffSeconds, toSource, beforeEachTree);
	}

	/**
	 * The matrix by the CH bucket algorithm ({@link ChMatrix}); towards the sources, the
	 * targets are its origins.
	 * @throws IllegalStateException when the profile has no CH preparation
	 */
	public Leg[][] matrixOnCh(String profile, List<Placed> sources, List<Placed> targets, double cutoffSeconds,
			boolean toSource, Runnable beforeEachSearch) {
		RoutingCHGraph ch = chGraphs.get(profile);
		if (ch == null) {
			throw new IllegalStateException("Profile " + profile + " has no CH preparation");
		}
		Leg[][] legs = new Leg[sources.size()][targets.size()];
		QueryGraph qg = queryGraph(sources, targets);
		if (qg == null) {
			return legs;
		}
		markUnreachable(sources, targets, legs);
		int[] sourceNodes = nodes(sources);
		int[] targetNodes = nodes(targets);
		ChMatrix matrix = new ChMatrix(ch, qg, weightings.get(profile), chTimes(profile, ch));
		long cutoffMs = (long) Math.ceil(cutoffSeconds * 1000);
		if (toSource) {
			matrix.compute(targetNodes, sourceNodes, cutoffMs, beforeEachSearch,
					(t, s, ms, metres) -> legs[s][t] = new Leg(ms / 1000.0, metres, TravelMethod.NETWORK));
		}
		else {
			matrix.compute(sourceNodes, targetNodes, cutoffMs, beforeEachSearch,
					(s, t, ms, metres) -> legs[s][t] = new Leg(ms / 1000.0, metres, TravelMethod.NETWORK));
		}
		return legs;
	}

	/** The profile's shortcut times, computed at first use and kept with the graph. */
	private ChTimes chTimes(String profile, RoutingCHGraph ch) {
		return chTimes.computeIfAbsent(profile, p -> new ChTimes(ch, roadTimes(p)));
	}

	/** The profile's road weights and times, evaluated at first use and kept. */
	private RoadTimes roadTimes(String profile) {
		return roadTimes.computeIfAbsent(profile, p -> new RoadTimes(graph, weightings.get(p)));
	}

	/**
	 * The matrix with one shortest-path tree per source ({@link ArrayTree}), the sources
	 * shared out over the machine's cores: the method without CH, and the faster one for
	 * few sources.
	 */
	public Leg[][] matrixByTrees(String profile, List<Placed> sources, List<Placed> targets, double cutoffSeconds,
			boolean toSource, Runnable beforeEachTree) {
		Leg[][] legs = new Leg[sources.size()][targets.size()];
		QueryGraph qg = queryGraph(sources, targets);
		if (qg == null) {
			return legs;
		}
		markUnreachable(sources, targets, legs);
		RoadTimes roads = roadTimes(profile);
		// target indices by query-graph node: head[node] is the first target there,
		// next[t] the following one
		int[] head = new int[qg.getNodes()];
		Arrays.fill(head, -1);
		int[] next = new int[targets.size()];
		for (int t = 0; t < targets.size(); t++) {
			if (targets.get(t).onNetwork()) {
				int node = targets.get(t).snap().getClosestNode();
				next[t] = head[node];
				head[node] = t;
			}
		}
		long cutoffMs = (long) Math.ceil(cutoffSeconds * 1000);
		Workers.run(sources.size(), (worker, workers) -> {
			ArrayTree tree = new ArrayTree(qg, roads, toSource);
			try {
				for (int s = worker; s < sources.size(); s += workers) {
					if (sources.get(s).onNetwork()) {
						beforeEachTree.run();
						fillRow(tree, sources.get(s), targets, head, next, cutoffMs, legs[s]);
					}
				}
			}
			finally {
				tree.release();
			}
		});
		return legs;
	}

	/** One query graph with every placed point, or null when none is on the network. */
	private QueryGraph queryGraph(List<Placed> sources, List<Placed> targets) {
		List<Snap> snaps = new ArrayList<>();
		for (List<Placed> points : List.of(sources, targets)) {
			for (Placed p : points) {
				if (p.onNetwork()) {
					snaps.add(p.snap());
				}
			}
		}
		return snaps.isEmpty() ? null : QueryGraph.create(graph, snaps);
	}

	private static int[] nodes(List<Placed> points) {
		return points.stream().mapToInt(p -> p.onNetwork() ? p.snap().getClosestNode() : -1).toArray();
	}

	private static void markUnreachable(List<Placed> sources, List<Placed> targets, Leg[][] legs) {
		for (int s = 0; s < sources.size(); s++) {
			for (int t = 0; t < targets.size(); t++) {
				if (sources.get(s).onNetwork() && targets.get(t).onNetwork()) {
					legs[s][t] = Leg.unreachable(TravelMethod.NETWORK);
				}
			}
		}
	}

	private static void fillRow(ArrayTree tree, Placed source, List<Placed> targets, int[] head, int[] next,
			long cutoffMs, Leg[] row) {
		tree.search(source.snap().getClosestNode(), cutoffMs, (node, ms, metres) -> {
			for (int t = head[node]; t >= 0; t = next[t]) {
				row[t] = new Leg(ms / 1000.0, metres, TravelMethod.NETWORK);
			}
		});
	}

	/**
	 * The areas reached within each of the given minutes (cumulative, not rings), from
	 * one tree on the profile's compact road arrays explored to the last band: its roads'
	 * times are gridded ({@link IsochroneGrids#onCompactRoads}) and each area is the
	 * grid's contour at its time ({@link GridContours}).
	 * @throws IllegalArgumentException when too few roads are reached to draw an area
	 */
	public List<MultiPolygon> reach(String profile, Placed origin, List<Integer> minutes, boolean toOrigin) {
		QueryGraph qg = QueryGraph.create(graph, origin.snap());
		CompactRoads roads = compactRoads.computeIfAbsent(profile, p -> new CompactRoads(graph, roadTimes(p)));
		return IsochroneGrids.contours(IsochroneGrids.onCompactRoads(qg, roads, roadTimes(profile), toOrigin,
				origin.snap().getClosestNode(), minutes.get(minutes.size() - 1) * 60_000L), minutes);
	}

	/** The same areas by the method before the compact arrays (bench and tests). */
	public List<MultiPolygon> reachOnQueryGraph(String profile, Placed origin, List<Integer> minutes,
			boolean toOrigin) {
		QueryGraph qg = QueryGraph.create(graph, origin.snap());
		return IsochroneGrids.contours(IsochroneGrids.onQueryGraph(qg, roadTimes(profile), toOrigin,
				origin.snap().getClosestNode(), minutes.get(minutes.size() - 1) * 60_000L), minutes);
	}

	/**
	 * The same areas by the method before the grid, kept to compare with it (bench and
	 * accuracy test): a Delaunay triangulation of the tree's points, explored to 1.5 ×
	 * the last band, contoured ({@link TimeContours}).
	 */
	public List<MultiPolygon> reachByTriangulation(String profile, Placed origin, List<Integer> minutes,
			boolean toOrigin) {
		QueryGraph qg = QueryGraph.create(graph, origin.snap());
		ShortestPathTree tree = new ShortestPathTree(qg, qg.wrapWeighting(weightings.get(profile)), toOrigin,
				TraversalMode.NODE_BASED);
		long maxMs = minutes.get(minutes.size() - 1) * 60_000L;
		tree.setTimeLimit(maxMs + Math.max(maxMs * CONTOUR_MARGIN, CONTOUR_MARGIN_MIN_MS));
		TimeContours contours = new TimeContours(qg, tree, origin.snap().getClosestNode());
		List<MultiPolygon> areas = new ArrayList<>(minutes.size());
		for (int m : minutes) {
			areas.add(contours.below(m * 60_000.0));
		}
		return areas;
	}

	/** The profile's weighting on the base graph (for the bench's baselines). */
	Weighting weighting(String profile) {
		return weightings.get(profile);
	}

	BaseGraph graph() {
		return graph;
	}

	public boolean hasProfile(String profile) {
		return weightings.containsKey(profile);
	}

	public BBox bounds() {
		return bounds;
	}

}
