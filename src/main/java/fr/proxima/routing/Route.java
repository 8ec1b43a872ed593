package fr.proxima.routing;

import org.locationtech.jts.geom.LineString;

/**
 * A route between two points; {@code geometry} is null unless asked for (and always null
 * for an estimate).
 */
public record Route(Leg leg, Snapping from, Snapping to, LineString geometry) {

}
