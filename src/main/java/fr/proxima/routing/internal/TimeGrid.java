package fr.proxima.routing.internal;

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
	static final int MAX_CELLS = 500;

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

	/**
	 * Per vertex v: {@code [2v]} its time (ms, {@code Float.POSITIVE_INFINITY} where not
	 * reached), {@code [2v + 1]} the walk to it from the road it was reached from
	 * (metres); side by side, so that one sample touches two cache lines, not four.
	 */
	private final float[] cells;

	private final double mx;

	private final double my;

	/** Time past which a sample changes no contour. */
	private final double cap;

	private double fromBase;

	private double there;

	private double fromAdj;

	private double back;

	private boolean baseSampled;

	private boolean adjSampled;

	/**
	 * An empty grid over an extent (degrees) and its walking margin, for areas up to
	 * {@code limitMs}; fill it road by road ({@link #road}, then {@link #segment} or
	 * {@link #polyline}), then {@link #finish()} it.
	 */
	TimeGrid(double minLon, double minLat, double maxLon, double maxLat, long limitMs) {
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
		cells = new float[2 * nx * ny];
		for (int v = 0; v < cells.length; v += 2) {
			cells[v] = Float.POSITIVE_INFINITY;
		}
		// GridContours counts an unreached vertex as reached a walked cell after the
		// limit: a later sample changes nothing
		cap = limitMs + cell * OFF_ROAD_MS_PER_METRE;
	}

	/**
	 * The road sampled next: reached at {@code fromBase} ms at its base node and driven
	 * in {@code there} ms from it, reached at {@code fromAdj} at its other node and
	 * driven back in {@code back} (infinite when not reached or closed that way); an end
	 * already sampled as a {@link #node} is not sampled again.
	 */
	void road(double fromBase, double there, double fromAdj, double back, boolean baseSampled, boolean adjSampled) {
		this.fromBase = fromBase;
		this.there = there;
		this.fromAdj = fromAdj;
		this.back = back;
		this.baseSampled = baseSampled;
		this.adjSampled = adjSampled;
	}

	/** Carries the sampled times off the roads: the grid is then ready to contour. */
	void finish() {
		sweep();
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
		double fx = x - i;
		double fy = y - j;
		double gx = 1 - fx;
		double gy = 1 - fy;
		int v = 2 * (j * nx + i);
		reach(v, t, Math.sqrt(fx * fx + fy * fy) * cell);
		reach(v + 2, t, Math.sqrt(gx * gx + fy * fy) * cell);
		reach(v + 2 * nx, t, Math.sqrt(fx * fx + gy * gy) * cell);
		reach(v + 2 * nx + 2, t, Math.sqrt(gx * gx + gy * gy) * cell);
	}

	/** A vertex (its index in {@link #cells}) reached by a walk from a road point. */
	private void reach(int v, double t, double metres) {
		float time = (float) (t + metres * OFF_ROAD_MS_PER_METRE);
		if (time < cells[v]) {
			cells[v] = time;
			cells[v + 1] = (float) metres;
		}
	}

	/** The time of vertex {@code j × nx + i}, infinite when not reached. */
	float ms(int v) {
		return cells[2 * v];
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
		float walked = cells[2 * from + 1] + metres;
		if (walked <= OFF_ROAD_MAX_METRES) {
			float time = cells[2 * from] + (float) (metres * OFF_ROAD_MS_PER_METRE);
			if (time < cells[2 * v]) {
				cells[2 * v] = time;
				cells[2 * v + 1] = walked;
			}
		}
	}

	/** The current road's time at a fraction f of its length from its base node. */
	private double at(double f) {
		return Math.min(fromBase + f * there, fromAdj + (1 - f) * back);
	}

	/** Samples the current road as a polyline, by its length. */
	void polyline(PointList points) {
		int n = points.size();
		double length = 0;
		for (int k = 1; k < n; k++) {
			length += flatMetres(points.getLon(k - 1), points.getLat(k - 1), points.getLon(k), points.getLat(k));
		}
		double along = 0;
		for (int k = 1; k < n; k++) {
			double piece = flatMetres(points.getLon(k - 1), points.getLat(k - 1), points.getLon(k), points.getLat(k));
			double f1 = length > 0 ? along / length : 0;
			along += piece;
			double f2 = length > 0 ? along / length : 1;
			// a pillar point is sampled once, as the end of the piece before it
			piece(points.getLon(k - 1), points.getLat(k - 1), points.getLon(k), points.getLat(k), f1, f2,
					k == 1 && !baseSampled, k < n - 1 || !adjSampled);
		}
	}

	/** Samples the current road as the straight line between its nodes. */
	void segment(double lon1, double lat1, double lon2, double lat2) {
		piece(lon1, lat1, lon2, lat2, 0, 1, !baseSampled, !adjSampled);
	}

	/** Samples a node of the network reached at {@code t} ms (once for all its roads). */
	void node(double lon, double lat, double t) {
		if (t <= cap) {
			sample((lon - lon0) * mx, (lat - lat0) * my, t);
		}
	}

	/**
	 * Samples a straight piece of the current road, at most half a cell apart, between
	 * the fractions {@code f1} and {@code f2} of its length, with or without its ends.
	 */
	private void piece(double lon1, double lat1, double lon2, double lat2, double f1, double f2, boolean start,
			boolean end) {
		if (at(f1) > cap && at(f2) > cap) {
			return; // the earlier of two linear times is concave: least at an end
		}
		double x1 = (lon1 - lon0) * mx;
		double y1 = (lat1 - lat0) * my;
		double x2 = (lon2 - lon0) * mx;
		double y2 = (lat2 - lat0) * my;
		double dx = x2 - x1;
		double dy = y2 - y1;
		int steps = Math.max(1, (int) Math.ceil(2 * Math.sqrt(dx * dx + dy * dy)));
		for (int s = start ? 0 : 1, last = end ? steps : steps - 1; s <= last; s++) {
			double g = (double) s / steps;
			double t = at(f1 + (f2 - f1) * g);
			if (t <= cap) {
				sample(x1 + dx * g, y1 + dy * g, t);
			}
		}
	}

	private static double flatMetres(double lon1, double lat1, double lon2, double lat2) {
		double x = (lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
		double y = lat2 - lat1;
		return Math.sqrt(x * x + y * y) * METRES_PER_DEGREE_LAT;
	}

}
