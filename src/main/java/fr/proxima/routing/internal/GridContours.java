package fr.proxima.routing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import fr.proxima.shared.Geo;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Areas of a {@link TimeGrid} below a time, by marching squares: each cell crossed by the
 * contour gives one segment (two at a saddle, split by the cell's mean time) between
 * points interpolated on its sides, oriented with the area on its left; the segments link
 * into rings by the grid side they cross, counter-clockwise rings are shells and
 * clockwise ones holes of the smallest shell around them. Times and saddle choices are
 * the same for every band, so a band's area holds the areas of the earlier ones.
 */
final class GridContours {

	private final TimeGrid grid;

	GridContours(TimeGrid grid) {
		this.grid = grid;
	}

	/** The area whose gridded time is below {@code limitMs}. */
	MultiPolygon below(double limitMs) {
		int nx = grid.nx;
		int ny = grid.ny;
		// a vertex not reached counts as reached one walked cell after the limit, so that
		// the contour passes about halfway to it
		double unreached = limitMs + grid.cell * 3600.0 / TimeGrid.OFF_ROAD_KMH;
		double[] value = new double[nx * ny];
		for (int v = 0; v < value.length; v++) {
			value[v] = Math.min(grid.ms(v), unreached);
		}
		// next[side] = the side where the segment starting on this side ends; sides are
		// 2 × vertex (the horizontal side to its right) and 2 × vertex + 1 (the vertical
		// side above it)
		int[] next = new int[2 * nx * ny];
		Arrays.fill(next, -1);
		int[] starts = new int[1024];
		int count = 0;
		int[] sides = new int[4];
		boolean[] enters = new boolean[4];
		for (int j = 0; j < ny - 1; j++) {
			for (int i = 0; i < nx - 1; i++) {
				int bl = j * nx + i;
				int br = bl + 1;
				int tr = bl + nx + 1;
				int tl = bl + nx;
				boolean a = value[bl] < limitMs;
				boolean b = value[br] < limitMs;
				boolean c = value[tr] < limitMs;
				boolean d = value[tl] < limitMs;
				if (a == b && b == c && c == d) {
					continue;
				}
				// the cell's sides counter-clockwise: bottom, right, top, left; a
				// crossing
				// "enters" when it goes from outside to inside
				int n = 0;
				if (a != b) {
					sides[n] = 2 * bl;
					enters[n++] = b;
				}
				if (b != c) {
					sides[n] = 2 * br + 1;
					enters[n++] = c;
				}
				if (c != d) {
					sides[n] = 2 * tl;
					enters[n++] = d;
				}
				if (d != a) {
					sides[n] = 2 * bl + 1;
					enters[n++] = a;
				}
				if (count + 4 > starts.length) {
					starts = Arrays.copyOf(starts, starts.length * 2);
				}
				if (n == 2) {
					int exit = enters[0] ? 1 : 0;
					next[sides[exit]] = sides[1 - exit];
					starts[count++] = sides[exit];
				}
				else {
					// a saddle: inside corners joined through the middle when its mean
					// time
					// is inside, else cut off one by one
					boolean middleInside = (value[bl] + value[br] + value[tr] + value[tl]) / 4 < limitMs;
					for (int k = 0; k < 4; k++) {
						if (!enters[k]) {
							int to = middleInside ? (k + 1) % 4 : (k + 3) % 4;
							next[sides[k]] = sides[to];
							starts[count++] = sides[k];
						}
					}
				}
			}
		}
		return polygons(rings(next, starts, count, value, limitMs));
	}

	private List<LinearRing> rings(int[] next, int[] starts, int count, double[] value, double limitMs) {
		List<LinearRing> rings = new ArrayList<>();
		List<Coordinate> points = new ArrayList<>();
		for (int s = 0; s < count; s++) {
			int side = starts[s];
			if (next[side] < 0) {
				continue;
			}
			points.clear();
			while (next[side] >= 0) {
				points.add(crossing(side, value, limitMs));
				int following = next[side];
				next[side] = -1;
				side = following;
			}
			if (points.size() >= 3) {
				points.add(new Coordinate(points.get(0)));
				rings.add(Geo.FACTORY.createLinearRing(points.toArray(Coordinate[]::new)));
			}
		}
		return rings;
	}

	/** The point of a grid side where the time crosses the limit (linear). */
	private Coordinate crossing(int side, double[] value, double limitMs) {
		int v = side >> 1;
		int w = (side & 1) == 0 ? v + 1 : v + grid.nx;
		double f = (limitMs - value[v]) / (value[w] - value[v]);
		f = Math.min(0.999, Math.max(0.001, f));
		int i = v % grid.nx;
		int j = v / grid.nx;
		return (side & 1) == 0 ? new Coordinate(grid.lon(i + f), grid.lat(j))
				: new Coordinate(grid.lon(i), grid.lat(j + f));
	}

	/**
	 * Shells (counter-clockwise) with the holes (clockwise) each is the smallest shell
	 * around.
	 */
	private static MultiPolygon polygons(List<LinearRing> rings) {
		List<LinearRing> shells = new ArrayList<>();
		List<LinearRing> holes = new ArrayList<>();
		for (LinearRing ring : rings) {
			(Orientation.isCCW(ring.getCoordinateSequence()) ? shells : holes).add(ring);
		}
		List<List<LinearRing>> holesOf = new ArrayList<>();
		STRtree index = new STRtree();
		for (int s = 0; s < shells.size(); s++) {
			holesOf.add(new ArrayList<>());
			index.insert(shells.get(s).getEnvelopeInternal(), s);
		}
		// point-in-ring by an index of the ring's segments (the outer shell of a large
		// area has thousands of points and holes)
		IndexedPointInAreaLocator[] locators = new IndexedPointInAreaLocator[shells.size()];
		for (LinearRing hole : holes) {
			Coordinate p = hole.getCoordinateN(0);
			int best = -1;
			double bestArea = Double.MAX_VALUE;
			for (Object o : index.query(new Envelope(p))) {
				int s = (Integer) o;
				LinearRing shell = shells.get(s);
				double area = shell.getEnvelopeInternal().getArea();
				if (area >= bestArea) {
					continue;
				}
				if (locators[s] == null) {
					locators[s] = new IndexedPointInAreaLocator(shell);
				}
				if (locators[s].locate(p) != Location.EXTERIOR) {
					best = s;
					bestArea = area;
				}
			}
			if (best >= 0) {
				holesOf.get(best).add(hole);
			}
		}
		Polygon[] polygons = new Polygon[shells.size()];
		for (int s = 0; s < shells.size(); s++) {
			polygons[s] = Geo.FACTORY.createPolygon(shells.get(s), holesOf.get(s).toArray(LinearRing[]::new));
		}
		return Geo.FACTORY.createMultiPolygon(polygons);
	}

}
