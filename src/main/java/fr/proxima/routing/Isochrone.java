package fr.proxima.routing;

import java.util.List;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * Nested, non-overlapping isochrone rings from one point: band k covers the area reached
 * after more than {@code bands[k-1].minutes} and at most {@code bands[k].minutes}.
 */
public record Isochrone(Snapping origin, TravelMethod method, List<Band> bands) {

	/**
	 * One ring; {@code reach} is the full area reached within {@code minutes} (the union
	 * of this band and inner ones).
	 */
	public record Band(int fromMinutes, int minutes, MultiPolygon ring, MultiPolygon reach) {
	}

}
