package fr.proxima.coverage.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import fr.proxima.shared.Geo;
import org.locationtech.jts.geom.Point;

/**
 * Some columns of a territory bucketed by their representative points in cells of about a
 * search radius (issue 15): the columns within that radius of a point are found in the
 * nine cells around it instead of by testing every column, which made site suggestions
 * over France quadratic (35,000 candidates × 35,000 communes).
 */
public final class ColumnGrid {

	private static final double EARTH_RADIUS_M = 6_371_008.8;

	private static final int[] EMPTY = new int[0];

	private final Territory territory;

	private final double cellDegrees;

	private final Map<Long, int[]> cells = new HashMap<>();

	public ColumnGrid(Territory territory, int[] columns, double radiusMetres) {
		this.territory = territory;
		this.cellDegrees = Math.max(0.01, Math.toDegrees(radiusMetres / EARTH_RADIUS_M));
		Map<Long, int[]> growing = new HashMap<>();
		Map<Long, Integer> sizes = new HashMap<>();
		for (int i : columns) {
			Point p = territory.point(i);
			long key = key(cell(p.getX()), cell(p.getY()));
			int n = sizes.getOrDefault(key, 0);
			int[] cell = growing.computeIfAbsent(key, k -> new int[4]);
			if (n == cell.length) {
				cell = Arrays.copyOf(cell, n * 2);
				growing.put(key, cell);
			}
			cell[n] = i;
			sizes.put(key, n + 1);
		}
		growing.forEach((key, cell) -> cells.put(key, Arrays.copyOf(cell, sizes.get(key))));
	}

	public Territory territory() {
		return territory;
	}

	/** The columns whose points lie within this straight-line distance, ascending. */
	public int[] within(Point center, double radiusMetres) {
		double dLat = Math.toDegrees(radiusMetres / EARTH_RADIUS_M);
		double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(center.getY())));
		int[] found = new int[16];
		int n = 0;
		for (long x = cell(center.getX() - dLon); x <= cell(center.getX() + dLon); x++) {
			for (long y = cell(center.getY() - dLat); y <= cell(center.getY() + dLat); y++) {
				for (int i : cells.getOrDefault(key(x, y), EMPTY)) {
					if (Geo.haversineMetres(center, territory.point(i)) <= radiusMetres) {
						if (n == found.length) {
							found = Arrays.copyOf(found, n * 2);
						}
						found[n++] = i;
					}
				}
			}
		}
		int[] columns = Arrays.copyOf(found, n);
		Arrays.sort(columns);
		return columns;
	}

	private long cell(double degrees) {
		return (long) Math.floor(degrees / cellDegrees);
	}

	private static long key(long x, long y) {
		return (x << 32) ^ (y & 0xffffffffL);
	}

}
