package fr.proxima.importing.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.proxima.shared.Geo;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an RFC 7946 GeoJSON file (a FeatureCollection or a single Feature) into JTS geometries in SRID 4326.
 * Supports Point, Polygon and MultiPolygon geometries, which is all Proxima's layouts use.
 */
public final class GeoJsonFile {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	/** One feature; {@code number} is its 1-based position in the file (reports name it as the "line"). */
	public record GeoFeature(long number, JsonNode properties, Geometry geometry) {

		public String text(String property) {
			JsonNode v = properties.get(property);
			return v == null || v.isNull() ? "" : v.asString().trim();
		}

	}

	private GeoJsonFile() {
	}

	/** Parses the file; throws {@link IllegalArgumentException} with a readable message when it is not GeoJSON. */
	public static List<GeoFeature> read(Path path) {
		JsonNode root;
		try {
			root = MAPPER.readTree(path);
		}
		catch (JacksonException e) {
			throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
		}
		String type = root.path("type").asString("");
		List<JsonNode> features = new ArrayList<>();
		if ("FeatureCollection".equals(type)) {
			root.path("features").forEach(features::add);
		}
		else if ("Feature".equals(type)) {
			features.add(root);
		}
		else {
			throw new IllegalArgumentException("expected a GeoJSON FeatureCollection or Feature, found type '" + type
					+ "'");
		}
		List<GeoFeature> result = new ArrayList<>(features.size());
		long n = 0;
		for (JsonNode f : features) {
			n++;
			JsonNode g = f.path("geometry");
			Geometry geometry;
			try {
				geometry = g.isMissingNode() || g.isNull() ? null : geometry(g);
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("feature " + n + ": " + e.getMessage());
			}
			result.add(new GeoFeature(n, f.path("properties"), geometry));
		}
		return result;
	}

	/** A GeoJSON geometry object as a JTS geometry in SRID 4326. */
	public static Geometry geometry(JsonNode g) {
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
			default -> throw new IllegalArgumentException("unsupported geometry type '" + type
					+ "' (expected Point, Polygon or MultiPolygon)");
		};
	}

	private static Polygon polygon(JsonNode rings) {
		if (rings.size() == 0) {
			throw new IllegalArgumentException("polygon without rings");
		}
		LinearRing shell = ring(rings.get(0));
		LinearRing[] holes = new LinearRing[rings.size() - 1];
		for (int i = 1; i < rings.size(); i++) {
			holes[i - 1] = ring(rings.get(i));
		}
		return Geo.FACTORY.createPolygon(shell, holes);
	}

	private static LinearRing ring(JsonNode positions) {
		Coordinate[] coordinates = new Coordinate[positions.size()];
		for (int i = 0; i < positions.size(); i++) {
			coordinates[i] = position(positions.get(i));
		}
		return Geo.FACTORY.createLinearRing(coordinates);
	}

	private static Coordinate position(JsonNode p) {
		if (p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
			throw new IllegalArgumentException("invalid position " + p + " (expected [lon, lat])");
		}
		return new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
	}

}
