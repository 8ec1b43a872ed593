package fr.proxima.routing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * The travel-time grids of isochrones ({@link TimeGrid}) from one bounded tree, explored
 * to the last band: every road leaving a settled node is sampled once, with the earlier
 * of the times from its two ends. {@link #onCompactRoads} runs the tree on
 * {@link CompactRoads}; {@link #onQueryGraph}, the method it replaced, runs an
 * {@link ArrayTree} through GraphHopper's edge iterators (kept for the bench).
 */
final class IsochroneGrids {

	private IsochroneGrids() {
	}

	/** Each band's area: the grid's contour at its time. */
	static List<MultiPolygon> contours(TimeGrid grid, List<Integer> minutes) {
		GridContours contours = new GridContours(grid);
		List<MultiPolygon> areas = new ArrayList<>(minutes.size());
		for (int m : minutes) {
			areas.add(contours.below(m * 60_000.0));
		}
		return areas;
	}

	/**
	 * The grid of a {@link CompactTree}. A snapped origin between two nodes is the query
	 * graph's virtual node: the tree starts at the ends of its road at the times to them,
	 * and its two halves are sampled from the origin.
	 * @param origin the origin's node in {@code qg} (a base node or the virtual one)
	 * @throws IllegalArgumentException when too few roads are reached to draw an area
	 */
	static TimeGrid onCompactRoads(QueryGraph qg, CompactRoads roads, RoadTimes times, boolean reverse, int origin,
			long limitMs) {
		CompactTree tree = new CompactTree(roads, reverse);
		try {
			List<EdgeIteratorState> halves = new ArrayList<>(2);
			if (origin < roads.nodes) {
				tree.seed(origin, 0);
			}
			else {
				EdgeIterator half = qg.createEdgeExplorer().setBaseNode(origin);
				while (half.next()) {
					if (half.getAdjNode() < roads.nodes && !Double.isInfinite(times.weight(half, reverse))) {
						tree.seed(half.getAdjNode(), (int) times.ms(half, reverse));
					}
					halves.add(half.detach(false));
				}
			}
			tree.grow((int) Math.min(Integer.MAX_VALUE / 2, limitMs));
			if (tree.settledCount + (origin < roads.nodes ? 0 : 1) < 2) {
				throw new IllegalArgumentException("Too few points reached to draw an area");
			}
			NodeAccess access = qg.getNodeAccess();
			double[] box = { access.getLon(origin), access.getLat(origin), access.getLon(origin),
					access.getLat(origin) };
			int lowest = Integer.MAX_VALUE;
			int highest = -1;
			for (int k = 0; k < tree.settledCount; k++) {
				lowest = Math.min(lowest, tree.settled[k]);
				highest = Math.max(highest, tree.settled[k]);
			}
			// the extent: the settled nodes, in the order of node ids, not of times
			// (nodes near in id are near on the ground, so memory is read, and the grid
			// written below, in runs, not all over a tree's front), and the front: the
			// neighbours that matter (reached through an open road) and were not settled
			for (int u = lowest; u <= highest; u++) {
				if (tree.settledMs(u) >= 0) {
					extend(box, roads.lon[u], roads.lat[u]);
				}
			}
			tree.forEachFrontNode(v -> extend(box, roads.lon[v], roads.lat[v]));
			TimeGrid grid = new TimeGrid(box[0], box[1], box[2], box[3], limitMs);
			int[] there = reverse ? roads.msIn : roads.msOut;
			int[] back = reverse ? roads.msOut : roads.msIn;
			for (int u = lowest; u <= highest; u++) {
				int fromU = tree.settledMs(u);
				if (fromU < 0) {
					continue;
				}
				grid.node(roads.lon[u], roads.lat[u], fromU);
				for (int s = roads.first[u], end = roads.first[u + 1]; s < end; s++) {
					int v = roads.adj[s];
					int fromV = tree.settledMs(v);
					if (fromV >= 0 && v < u) {
						continue; // sampled from v
					}
					double thereMs = there[s] == CompactRoads.CLOSED ? Double.POSITIVE_INFINITY : there[s];
					double backMs = fromV < 0 || back[s] == CompactRoads.CLOSED ? Double.POSITIVE_INFINITY : back[s];
					if (Double.isInfinite(thereMs) && Double.isInfinite(backMs)) {
						continue;
					}
					grid.road(fromU, thereMs, fromV < 0 ? Double.POSITIVE_INFINITY : fromV, backMs, true, fromV >= 0);
					PointList geometry = roads.pillaredGeometry(s);
					if (geometry == null) {
						grid.segment(roads.lon[u], roads.lat[u], roads.lon[v], roads.lat[v]);
					}
					else {
						grid.polyline(geometry);
					}
				}
			}
			for (EdgeIteratorState half : halves) {
				int end = tree.settledMs(half.getAdjNode());
				grid.road(0, time(times, half, reverse), end < 0 ? Double.POSITIVE_INFINITY : end,
						end < 0 ? Double.POSITIVE_INFINITY : time(times, half, !reverse), false, end >= 0);
				grid.polyline(half.fetchWayGeometry(FetchMode.ALL));
			}
			grid.finish();
			return grid;
		}
		finally {
			tree.release();
		}
	}

	/**
	 * The grid of an {@link ArrayTree} on the query graph, read through GraphHopper's
	 * edge iterators: the method before {@link #onCompactRoads}.
	 * @throws IllegalArgumentException when too few roads are reached to draw an area
	 */
	static TimeGrid onQueryGraph(QueryGraph qg, RoadTimes roads, boolean reverse, int origin, long limitMs) {
		ArrayTree tree = new ArrayTree(qg, roads, reverse);
		try {
			int[][] settled = { new int[4096] };
			int[] count = { 0 };
			tree.search(origin, limitMs, (node, ms, metres) -> {
				if (count[0] == settled[0].length) {
					settled[0] = Arrays.copyOf(settled[0], 2 * count[0]);
				}
				settled[0][count[0]++] = node;
			});
			if (count[0] < 2) {
				throw new IllegalArgumentException("Too few points reached to draw an area");
			}
			NodeAccess nodes = qg.getNodeAccess();
			EdgeExplorer explorer = qg.createEdgeExplorer();
			double[] box = { Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
			for (int k = 0; k < count[0]; k++) {
				int u = settled[0][k];
				extend(box, nodes.getLon(u), nodes.getLat(u));
				EdgeIterator edge = explorer.setBaseNode(u);
				while (edge.next()) {
					extend(box, nodes.getLon(edge.getAdjNode()), nodes.getLat(edge.getAdjNode()));
				}
			}
			TimeGrid grid = new TimeGrid(box[0], box[1], box[2], box[3], limitMs);
			for (int k = 0; k < count[0]; k++) {
				int u = settled[0][k];
				long fromU = tree.settledMs(u);
				EdgeIterator edge = explorer.setBaseNode(u);
				while (edge.next()) {
					int v = edge.getAdjNode();
					long fromV = tree.settledMs(v);
					if (fromV >= 0 && v < u) {
						continue; // sampled from v
					}
					double there = time(roads, edge, reverse);
					double back = fromV >= 0 ? time(roads, edge, !reverse) : Double.POSITIVE_INFINITY;
					if (Double.isInfinite(there) && Double.isInfinite(back)) {
						continue;
					}
					grid.road(fromU, there, fromV >= 0 ? fromV : Double.POSITIVE_INFINITY, back, false, false);
					if (edge.fetchWayGeometry(FetchMode.PILLAR_ONLY).isEmpty()) {
						grid.segment(nodes.getLon(u), nodes.getLat(u), nodes.getLon(v), nodes.getLat(v));
					}
					else {
						grid.polyline(edge.fetchWayGeometry(FetchMode.ALL));
					}
				}
			}
			grid.finish();
			return grid;
		}
		finally {
			tree.release();
		}
	}

	private static void extend(double[] box, double lon, double lat) {
		box[0] = Math.min(box[0], lon);
		box[1] = Math.min(box[1], lat);
		box[2] = Math.max(box[2], lon);
		box[3] = Math.max(box[3], lat);
	}

	/** The road's time in the tree's direction from its base node, infinite if closed. */
	private static double time(RoadTimes roads, EdgeIteratorState edge, boolean reverse) {
		return Double.isInfinite(roads.weight(edge, reverse)) ? Double.POSITIVE_INFINITY : roads.ms(edge, reverse);
	}

}
