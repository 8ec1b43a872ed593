package fr.proxima.routing;

import java.util.List;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * The area reached within {@code minutes} from any of several sources (the union of their
 * isochrones) and, when an area was given, the part of that area left uncovered.
 * {@code method} is NETWORK only when every source is.
 */
public record CoverageArea(int minutes, List<Snapping> sources, TravelMethod method, MultiPolygon covered,
		MultiPolygon area, MultiPolygon uncovered) {

}
