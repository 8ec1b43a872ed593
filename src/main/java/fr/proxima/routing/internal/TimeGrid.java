package fr.proxima.routing.internal;

import java.util.Arrays;

import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;

/**
 * Travel times of one shortest-path tree on a regular grid, whose cost grows with the
 * explored tree: every road leaving a node the tree settled is sampled every half cell
 * with times interpolated along it, each sample gives the grid vertices of its cell its
 * time plus a walk to them, and a two-pass chamfer sweep carries times further off the
 * road, at {@link #OFF_ROAD_KMH} for at most {@link #OFF_ROAD_MAX_METRES}. A place thus
 * counts as reached when one can drive to a road point and walk from it in the time. The
 * areas are the grid's contours ({@link GridContours}): one grid serves every band, so
 * the bands are nested.
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

	private static final double OFF_ROAD_MS_PER_METRE = 3600.0 / OFF_ROAD_KMH;

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
	 * every road leaving a node it settled (each road from both ends when both are
	 * settled: the grid keeps the earlier time).
	 * @throws IllegalArgumentException when the tree reaches too few roads to draw an
	 * area
	 */
	TimeGrid(ArrayTree tree, int origin, long limitMs) {
		Roads roads = new Roads();
		tree.search(origin, limitMs, (node, ms, metres) -> {
		}, (road, fromMs, roadMs) -> roads.add(road.fetchWayGeometry(FetchMode.ALL), fromMs, fromMs + roadMs));
		if (roads.size < 3) {
			throw new IllegalArgumentException("Too few points reached to draw an area");
		}
		double midLat = (roads.minLat + roads.maxLat) / 2;
		double mPerLon = METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(midLat));
		double width = (roads.maxLon - roads.minLon) * mPerLon;
		double height = (roads.maxLat - roads.minLat) * METRES_PER_DEGREE_LAT;
		cell = Math.max(MIN_CELL_METRES, Math.max(width, height) / MAX_CELLS);
		int pad = (int) Math.ceil(OFF_ROAD_MAX_METRES / cell) + 2;
		dLon = cell / mPerLon;
		dLat = cell / METRES_PER_DEGREE_LAT;
		lon0 = roads.minLon - pad * dLon;
		lat0 = roads.minLat - pad * dLat;
		nx = (int) Math.ceil(width / cell) + 2 * pad + 1;
		ny = (int) Math.ceil(height / cell) + 2 * pad + 1;
		mx = 1 / dLon;
		my = 1 / dLat;
		ms = new float[nx * ny];
		off = new float[nx * ny];
		Arrays.fill(ms, Float.POSITIVE_INFINITY);
		roads.rasterise(this);
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

	/**
	 * The reached roads as polylines with a time per point, kept until the grid's extent
	 * is known.
	 */
	private static final class Roads {

		private double[] lon = new double[4096];

		private double[] lat = new double[4096];

		private double[] time = new double[4096];

		/** Index of the first point of each polyline, then the total. */
		private int[] starts = new int[1024];

		private int lines;

		int size;

		double minLon = Double.MAX_VALUE;

		double minLat = Double.MAX_VALUE;

		double maxLon = -Double.MAX_VALUE;

		double maxLat = -Double.MAX_VALUE;

		/**
		 * A road from the tree node reached at {@code fromMs} to the one reached at
		 * {@code toMs}, times shared out by length.
		 */
		void add(PointList shape, double fromMs, double toMs) {
			int n = shape.size();
			if (n < 2) {
				return;
			}
			double length = 0;
			for (int k = 1; k < n; k++) {
				length += flatMetres(shape.getLon(k - 1), shape.getLat(k - 1), shape.getLon(k), shape.getLat(k));
			}
			if (lines + 2 > starts.length) {
				starts = Arrays.copyOf(starts, starts.length * 2);
			}
			if (size + n > lon.length) {
				int capacity = Math.max(lon.length * 2, size + n);
				lon = Arrays.copyOf(lon, capacity);
				lat = Arrays.copyOf(lat, capacity);
				time = Arrays.copyOf(time, capacity);
			}
			starts[lines++] = size;
			double along = 0;
			for (int k = 0; k < n; k++) {
				if (k > 0) {
					along += flatMetres(shape.getLon(k - 1), shape.getLat(k - 1), shape.getLon(k), shape.getLat(k));
				}
				lon[size] = shape.getLon(k);
				lat[size] = shape.getLat(k);
				time[size] = length > 0 ? fromMs + (toMs - fromMs) * along / length : toMs;
				minLon = Math.min(minLon, lon[size]);
				maxLon = Math.max(maxLon, lon[size]);
				minLat = Math.min(minLat, lat[size]);
				maxLat = Math.max(maxLat, lat[size]);
				size++;
			}
			starts[lines] = size;
		}

		/** Samples every polyline at most half a cell apart. */
		void rasterise(TimeGrid grid) {
			for (int l = 0; l < lines; l++) {
				for (int k = starts[l] + 1; k < starts[l + 1]; k++) {
					double x1 = (lon[k - 1] - grid.lon0) * grid.mx;
					double y1 = (lat[k - 1] - grid.lat0) * grid.my;
					double x2 = (lon[k] - grid.lon0) * grid.mx;
					double y2 = (lat[k] - grid.lat0) * grid.my;
					int steps = Math.max(1, (int) Math.ceil(2 * Math.hypot(x2 - x1, y2 - y1)));
					for (int s = k == starts[l] + 1 ? 0 : 1; s <= steps; s++) {
						double f = (double) s / steps;
						grid.sample(x1 + (x2 - x1) * f, y1 + (y2 - y1) * f, time[k - 1] + (time[k] - time[k - 1]) * f);
					}
				}
			}
		}

		private static double flatMetres(double lon1, double lat1, double lon2, double lat2) {
			double x = (lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
			return Math.hypot(x, lat2 - lat1) * METRES_PER_DEGREE_LAT;
		}

	}

}
