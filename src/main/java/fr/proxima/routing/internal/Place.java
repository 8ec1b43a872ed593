package fr.proxima.routing.internal;

import fr.proxima.shared.Geo;
import org.locationtech.jts.geom.Point;

/**
 * An offer (key = its id, with its family) or a commune (key = its code, family null) at
 * the position the precompute times it from.
 */
public record Place(String key, double lon, double lat, String family) {

	public Point point() {
		return Geo.point(lon, lat);
	}

	/**
	 * What the stored rows of this place depend on, kept in {@code offer_time_source} or
	 * {@code commune_time_source}: its exact position, and its family for an offer.
	 */
	public String source() {
		return lon + "," + lat + (family == null ? "" : "," + family);
	}

}
