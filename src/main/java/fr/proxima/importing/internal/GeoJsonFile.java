package fr.proxima.importing.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.proxima.shared.GeoJsonGeometry;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an RFC 7946 GeoJSON file (a FeatureCollection or a single Feature) into JTS
 * geometries in SRID 4326. Supports Point, Polygon and MultiPolygon geometries, which is
 * all Proxima's layouts use.
 */
public final class GeoJsonFile {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	/**
	 * One feature; {@code number} is its 1-based position in the file (reports name it as
	 * the "line").
	 */
	public record GeoFeature(long number, JsonNode properties, Geometry geometry) {

		public String text(String property) {
			JsonNode v = properties.get(property);
			return v == null || v.isNull() ? "" : v.asString().trim();
		}

	}

	private GeoJsonFile() {
	}

	/**
	 * Parses the file; throws {@link IllegalArgumentException} with a readable message
	 * when it is not GeoJSON.
	 */
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
			throw new IllegalArgumentException(
					"expected a GeoJSON FeatureCollection or Feature, found type '" + type + "'");
		}
		List<GeoFeature> result = new ArrayList<>(features.size());
		long n = 0;
		for (JsonNode f : features) {
			n++;
			JsonNode g = f.path("geometry");
			Geometry geometry;
			try {
				geometry = g.isMissingNode() || g.isNull() ? null : GeoJsonGeometry.read(g);
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("feature " + n + ": " + e.getMessage());
			}
			result.add(new GeoFeature(n, f.path("properties"), geometry));
		}
		return result;
	}

}
