package fr.proxima.routing.internal;

import java.util.Arrays;

import com.graphhopper.storage.Graph;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;

/**
 * Travel times of one shortest-path tree on a regular grid, whose cost grows with the
 * explored tree: every road leaving a node the tree settled is sampled once, every half
 * cell, with the earlier of the times from its two ends (from one end only when the other
 * was not settled), and only where that time matters to the contours; a road without
 * pillar nodes is read as the segment between its nodes, without fetching its geometry.
 * Each sample gives the grid vertices of its cell its time plus a walk to them, and a
 * two-pass chamfer sweep carries times further off the road, at {@link #OFF_ROAD_KMH} for
 * at most {@link #OFF_ROAD_MAX_METRES}. A place thus counts as reached when one can drive
 * to a road point and walk from it in the time. The areas are the grid's contours
 * ({@link GridContours}): one grid serves every band, so the bands are nested.
 */
final class TimeGrid {

	/** Walking speed from a reached road point to the places beside it. */
	static final double OFF_ROAD_KMH = 5;

	/** Farthest walk from a road point. */
	static final double OFF_ROAD_MAX_METRES = 500;

	/** Smallest cell side. */
	static final double MIN_CELL_METRES = 50;

	/** Most cells along the grid's longer side (larger areas get larger cells). */
	static final int MAX_CELLS = 800;

	private static final double METRES_PER_DEGREE_LAT = 110_574;

	static final double OFF_ROAD_MS_PER_METRE = 3600.0 / OFF_ROAD_KMH;

	final int nx;

	final int ny;

	final double lon0;

	final double lat0;

	final double dLon;

	final double dLat;

	/** Cell side in metres. */
	final double cell;

	/** Milliseconds per vertex, {@code Float.POSITIVE_INFINITY} where not reached. */
	final float[] ms;

	private final float[] off;

	private final double mx;

	private final double my;

	/**
	 * Runs the tree from {@code origin} to {@code limitMs} and grids the times along
	 * every road leaving a node it settled.
	 * @param graph the graph the tree runs on
	 * @param reverse whether the tree times the trips towards its origin
	 * @throws IllegalArgumentException when the tree reaches too few roads to draw an
	 * area
	 */
	TimeGrid(Graph graph, RoadTimes roads, boolean reverse, ArrayTree tree, int origin, long limitMs) {
		Nodes settled = new Nodes();
		tree.search(origin, limitMs, (node, ms, metres) -> settled.add(node));
		if (settled.size < 2) {
			throw new IllegalArgumentException("Too few points reached to draw an area");
		}
		NodeAccess nodes = graph.getNodeAccess();
		EdgeExplorer explorer = graph.createEdgeExplorer();
		// the extent: the settled nodes and their neighbours
		double[] box = { Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
		for (int k = 0; k < settled.size; k++) {
			extend(box, nodes, settled.node[k]);
			EdgeIterator edge = explorer.setBaseNode(settled.node[k]);
			while (edge.next()) {
				extend(box, nodes, edge.getAdjNode());
			}
		}
		double minLon = box[0];
		double minLat = box[1];
		double maxLon = box[2];
		double maxLat = box[3];
		double midLat = (minLat + maxLat) / 2;
		double mPerLon = METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(midLat));
		double width = (maxLon - minLon) * mPerLon;
		double height = (maxLat - minLat) * METRES_PER_DEGREE_LAT;
		cell = Math.max(MIN_CELL_METRES, Math.max(width, height) / MAX_CELLS);
		int pad = (int) Math.ceil(OFF_ROAD_MAX_METRES / cell) + 2;
		dLon = cell / mPerLon;
		dLat = cell / METRES_PER_DEGREE_LAT;
		lon0 = minLon - pad * dLon;
		lat0 = minLat - pad * dLat;
		nx = (int) Math.ceil(width / cell) + 2 * pad + 1;
		ny = (int) Math.ceil(height / cell) + 2 * pad + 1;
		mx = 1 / dLon;
		my = 1 / dLat;
		ms = new float[nx * ny];
		off = new float[nx * ny];
		Arrays.fill(ms, Float.POSITIVE_INFINITY);
		// past this time a sample changes no contour (GridContours counts an unreached
		// vertex as reached a walked cell after the limit)
		double cap = limitMs + cell * OFF_ROAD_MS_PER_METRE;
		Road road = new Road(this, cap);
		for (int k = 0; k < settled.size; k++) {
			int u = settled.node[k];
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
				road.times(fromU, there, fromV >= 0 ? fromV : Double.POSITIVE_INFINITY, back);
				PointList pillars = edge.fetchWayGeometry(FetchMode.PILLAR_ONLY);
				if (pillars.isEmpty()) {
					road.segment(nodes.getLon(u), nodes.getLat(u), nodes.getLon(v), nodes.getLat(v), 0, 1);
				}
				else {
					road.polyline(edge.fetchWayGeometry(FetchMode.ALL));
				}
			}
		}
		sweep();
	}

	private static void extend(double[] box, NodeAccess nodes, int node) {
		double lon = nodes.getLon(node);
		double lat = nodes.getLat(node);
		box[0] = Math.min(box[0], lon);
		box[1] = Math.min(box[1], lat);
		box[2] = Math.max(box[2], lon);
		box[3] = Math.max(box[3], lat);
	}

	/** The road's time in the tree's direction from its base node, infinite if closed. */
	private static double time(RoadTimes roads, EdgeIterator edge, boolean reverse) {
		return Double.isInfinite(roads.weight(edge, reverse)) ? Double.POSITIVE_INFINITY : roads.ms(edge, reverse);
	}

	double lon(double i) {
		return lon0 + i * dLon;
	}

	double lat(double j) {
		return lat0 + j * dLat;
	}

	/**
	 * One sample of a road at grid coordinates (x, y) reached at {@code t} ms: the four
	 * vertices of its cell take its time plus the walk to them.
	 */
	private void sample(double x, double y, double t) {
		int i = (int) x;
		int j = (int) y;
		if (x < 0 || y < 0 || i + 1 >= nx || j + 1 >= ny) {
			return; // a curved road's pillar beyond its nodes' extent and margin
		}
		for (int dj = 0; dj <= 1; dj++) {
			for (int di = 0; di <= 1; di++) {
				double metres = Math.hypot(i + di - x, j + dj - y) * cell;
				int v = (j + dj) * nx + i + di;
				float time = (float) (t + metres * OFF_ROAD_MS_PER_METRE);
				if (time < ms[v]) {
					ms[v] = time;
					off[v] = (float) metres;
				}
			}
		}
	}

	/**
	 * Carries times off the roads: forward then backward over the 8 neighbours (chamfer
	 * steps 1 and √2), never farther than {@link #OFF_ROAD_MAX_METRES} from a road.
	 */
	private void sweep() {
		float straight = (float) cell;
		float diagonal = (float) (cell * Math.sqrt(2));
		for (int j = 1; j < ny - 1; j++) {
			for (int i = 1; i < nx - 1; i++) {
				int v = j * nx + i;
				relax(v, v - 1, straight);
				relax(v, v - nx, straight);
				relax(v, v - nx - 1, diagonal);
				relax(v, v - nx + 1, diagonal);
			}
		}
		for (int j = ny - 2; j >= 1; j--) {
			for (int i = nx - 2; i >= 1; i--) {
				int v = j * nx + i;
				relax(v, v + 1, straight);
				relax(v, v + nx, straight);
				relax(v, v + nx + 1, diagonal);
				relax(v, v + nx - 1, diagonal);
			}
		}
	}

	private void relax(int v, int from, float metres) {
		float walked = off[from] + metres;
		if (walked <= OFF_ROAD_MAX_METRES) {
			float time = ms[from] + (float) (metres * OFF_ROAD_MS_PER_METRE);
			if (time < ms[v]) {
				ms[v] = time;
				off[v] = walked;
			}
		}
	}

	/** The settled nodes, in the order settled. */
	private static final class Nodes {

		int[] node = new int[4096];

		int size;

		void add(int n) {
			if (size == node.length) {
				node = Arrays.copyOf(node, size * 2);
			}
			node[size++] = n;
		}

	}

	/**
	 * One road being sampled: the time at a fraction f of its length from its base node
	 * is the earlier of its two ends' times carried along it.
	 */
	private static final class Road {

		private final TimeGrid grid;

		private final double cap;

		private double fromBase;

		private double there;

		private double fromAdj;

		private double back;

		Road(TimeGrid grid, double cap) {
			this.grid = grid;
			this.cap = cap;
		}

		void times(double fromBase, double there, double fromAdj, double back) {
			this.fromBase = fromBase;
			this.there = there;
			this.fromAdj = fromAdj;
			this.back = back;
		}

		private double at(double f) {
			return Math.min(fromBase + f * there, fromAdj + (1 - f) * back);
		}

		/** Samples a polyline by its length. */
		void polyline(PointList points) {
			int n = points.size();
			double length = 0;
			for (int k = 1; k < n; k++) {
				length += flatMetres(points.getLon(k - 1), points.getLat(k - 1), points.getLon(k), points.getLat(k));
			}
			double along = 0;
			for (int k = 1; k < n; k++) {
				double piece = flatMetres(points.getLon(k - 1), points.getLat(k - 1), points.getLon(k),
						points.getLat(k));
				double f1 = length > 0 ? along / length : 0;
				along += piece;
				double f2 = length > 0 ? along / length : 1;
				segment(points.getLon(k - 1), points.getLat(k - 1), points.getLon(k), points.getLat(k), f1, f2);
			}
		}

		/**
		 * Samples a straight piece of the road, at most half a cell apart, between the
		 * fractions {@code f1} and {@code f2} of its length.
		 */
		void segment(double lon1, double lat1, double lon2, double lat2, double f1, double f2) {
			double x1 = (lon1 - grid.lon0) * grid.mx;
			double y1 = (lat1 - grid.lat0) * grid.my;
			double x2 = (lon2 - grid.lon0) * grid.mx;
			double y2 = (lat2 - grid.lat0) * grid.my;
			int steps = Math.max(1, (int) Math.ceil(2 * Math.hypot(x2 - x1, y2 - y1)));
			for (int s = 0; s <= steps; s++) {
				double g = (double) s / steps;
				double t = at(f1 + (f2 - f1) * g);
				if (t <= cap) {
					grid.sample(x1 + (x2 - x1) * g, y1 + (y2 - y1) * g, t);
				}
			}
		}

		private static double flatMetres(double lon1, double lat1, double lon2, double lat2) {
			double x = (lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
			return Math.hypot(x, lat2 - lat1) * METRES_PER_DEGREE_LAT;
		}

	}

}
