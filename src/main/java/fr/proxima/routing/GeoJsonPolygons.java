package fr.proxima.routing;

import java.util.ArrayList;
import java.util.List;

import fr.proxima.shared.Geo;
import fr.proxima.shared.InvalidInputException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;

/** Reads a GeoJSON Polygon or MultiPolygon geometry (lon/lat) from a request body. */
final class GeoJsonPolygons {

	private GeoJsonPolygons() {
	}

	static MultiPolygon read(JsonNode geometry) {
		String type = geometry.path("type").asString("");
		JsonNode coordinates = geometry.path("coordinates");
		MultiPolygon result = switch (type) {
			case "Polygon" -> Geo.FACTORY.createMultiPolygon(new Polygon[] { polygon(coordinates) });
			case "MultiPolygon" -> {
				List<Polygon> polygons = new ArrayList<>();
				for (JsonNode p : coordinates) {
					polygons.add(polygon(p));
				}
				yield Geo.FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
			}
			default -> throw new InvalidInputException(
					"area.geometry must be a GeoJSON Polygon or MultiPolygon, got type '" + type + "'");
		};
		if (!result.isValid()) {
			throw new InvalidInputException("area.geometry is not a valid polygon (self-intersecting or unclosed ring)");
		}
		return result;
	}

	private static Polygon polygon(JsonNode rings) {
		if (!rings.isArray() || rings.isEmpty()) {
			throw new InvalidInputException("A GeoJSON polygon needs at least one ring of [lon, lat] positions");
		}
		LinearRing shell = ring(rings.get(0));
		LinearRing[] holes = new LinearRing[rings.size() - 1];
		for (int i = 1; i < rings.size(); i++) {
			holes[i - 1] = ring(rings.get(i));
		}
		return Geo.FACTORY.createPolygon(shell, holes);
	}

	private static LinearRing ring(JsonNode positions) {
		if (!positions.isArray() || positions.size() < 4) {
			throw new InvalidInputException("A GeoJSON ring needs at least 4 [lon, lat] positions");
		}
		Coordinate[] coordinates = new Coordinate[positions.size()];
		for (int i = 0; i < positions.size(); i++) {
			JsonNode p = positions.get(i);
			if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
				throw new InvalidInputException("A GeoJSON position must be [lon, lat], got " + p);
			}
			coordinates[i] = Geo.point(p.get(0).asDouble(), p.get(1).asDouble()).getCoordinate();
		}
		try {
			return Geo.FACTORY.createLinearRing(coordinates);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("A GeoJSON ring must be closed (first position = last position)");
		}
	}

}
