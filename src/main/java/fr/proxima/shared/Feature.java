package fr.proxima.shared;

import java.util.Map;

import org.locationtech.jts.geom.Geometry;

/** An RFC 7946 GeoJSON Feature. */
public record Feature(String type, Object id, Geometry geometry, Map<String, Object> properties) {

	public static Feature of(Object id, Geometry geometry, Map<String, Object> properties) {
		return new Feature("Feature", id, geometry, properties);
	}

}
