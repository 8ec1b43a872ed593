package fr.proxima.routing.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.proxima.shared.Geo;

/**
 * Communes bucketed in cells of about the prefilter radius, for the straight-line
 * prefilter of the precompute.
 */
public final class CommuneGrid {

	private final double cellDegrees;

	private final Map<Long, List<Place>> cells = new HashMap<>();

	public CommuneGrid(List<Place> communes, double radiusMetres) {
		this.cellDegrees = Math.max(0.01, Math.toDegrees(radiusMetres / 6_371_008.8));
		for (Place c : communes) {
			cells.computeIfAbsent(key(cell(c.lon()), cell(c.lat())), k -> new ArrayList<>()).add(c);
		}
	}

	/** A commune found within the radius, with its straight-line distance. */
	@FunctionalInterface
	public interface Visitor {

		void visit(Place commune, double straightMetres);

	}

	/** The communes within this straight-line distance of the center. */
	public List<Place> within(Place center, double radiusMetres) {
		List<Place> found = new ArrayList<>();
		forEachWithin(center, radiusMetres, (c, metres) -> found.add(c));
		return found;
	}

	/**
	 * Visits the communes within this straight-line distance of the center, cell by cell.
	 */
	public void forEachWithin(Place center, double radiusMetres, Visitor visitor) {
		double dLat = Math.toDegrees(radiusMetres / 6_371_008.8);
		double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(center.lat())));
		for (long x = cell(center.lon() - dLon); x <= cell(center.lon() + dLon); x++) {
			for (long y = cell(center.lat() - dLat); y <= cell(center.lat() + dLat); y++) {
				for (Place c : cells.getOrDefault(key(x, y), List.of())) {
					double metres = Geo.haversineMetres(center.lon(), center.lat(), c.lon(), c.lat());
					if (metres <= radiusMetres) {
						visitor.visit(c, metres);
					}
				}
			}
		}
	}

	private long cell(double degrees) {
		return (long) Math.floor(degrees / cellDegrees);
	}

	private static long key(long x, long y) {
		return (x << 32) ^ (y & 0xffffffffL);
	}

}
