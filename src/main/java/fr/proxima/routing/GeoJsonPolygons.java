package fr.proxima.routing;

import fr.proxima.shared.Geo;
import fr.proxima.shared.GeoJsonGeometry;
import fr.proxima.shared.InvalidInputException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import tools.jackson.databind.JsonNode;

/** Reads the GeoJSON Polygon or MultiPolygon {@code area.geometry} of a request body. */
final class GeoJsonPolygons {

	private GeoJsonPolygons() {
	}

	static MultiPolygon read(JsonNode geometry) {
		Geometry read;
		try {
			read = GeoJsonGeometry.read(geometry);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("area.geometry: " + e.getMessage());
		}
		MultiPolygon result = Geo.toMultiPolygon(read);
		if (result == null) {
			throw new InvalidInputException("area.geometry must be a GeoJSON Polygon or MultiPolygon, got type '"
					+ geometry.path("type").asString("") + "'");
		}
		if (!result.isValid()) {
			throw new InvalidInputException(
					"area.geometry is not a valid polygon (self-intersecting or unclosed ring)");
		}
		return result;
	}

}
