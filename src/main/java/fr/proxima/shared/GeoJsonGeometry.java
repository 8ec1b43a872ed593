package fr.proxima.shared;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;

/**
 * Reads GeoJSON geometry objects (Point, Polygon, MultiPolygon; lon/lat) as JTS
 * geometries in SRID 4326.
 */
public final class GeoJsonGeometry {

	private GeoJsonGeometry() {
	}

	/**
	 * The geometry of a GeoJSON geometry object.
	 * @throws IllegalArgumentException naming what is wrong: an unsupported type, a ring
	 * or a position
	 */
	public static Geometry read(JsonNode g) {
		String type = g.path("type").asString("");
		JsonNode c = g.path("coordinates");
		return switch (type) {
			case "Point" -> Geo.FACTORY.createPoint(position(c));
			case "Polygon" -> polygon(c);
			case "MultiPolygon" -> {
				Polygon[] polygons = new Polygon[c.size()];
				for (int i = 0; i < c.size(); i++) {
					polygons[i] = polygon(c.get(i));
				}
				yield Geo.FACTORY.createMultiPolygon(polygons);
			}
			default -> throw new IllegalArgumentException(
					"unsupported geometry type '" + type + "' (expected Point, Polygon or MultiPolygon)");
		};
	}

	private static Polygon polygon(JsonNode rings) {
		if (!rings.isArray() || rings.isEmpty()) {
			throw new IllegalArgumentException("a polygon needs at least one ring of [lon, lat] positions");
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
			throw new IllegalArgumentException("a ring needs at least 4 [lon, lat] positions");
		}
		Coordinate[] coordinates = new Coordinate[positions.size()];
		for (int i = 0; i < positions.size(); i++) {
			coordinates[i] = position(positions.get(i));
		}
		if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
			throw new IllegalArgumentException("a ring must be closed (first position = last position)");
		}
		return Geo.FACTORY.createLinearRing(coordinates);
	}

	private static Coordinate position(JsonNode p) {
		if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
			throw new IllegalArgumentException("invalid position " + p + " (expected [lon, lat])");
		}
		double lon = p.get(0).asDouble();
		double lat = p.get(1).asDouble();
		if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
			throw new IllegalArgumentException(
					"position " + p + " is outside WGS84 ranges (-180 ≤ lon ≤ 180," + " -90 ≤ lat ≤ 90)");
		}
		return new Coordinate(lon, lat);
	}

}
