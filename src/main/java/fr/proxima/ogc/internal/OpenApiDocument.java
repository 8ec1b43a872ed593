package fr.proxima.ogc.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.proxima.ogc.OgcSettings;
import fr.proxima.ogc.PublicLinks;
import org.springframework.stereotype.Component;

/**
 * The self-contained OpenAPI 3.0 definition of {@code /ogc} ({@code service-desc}): every
 * path, each collection's items operation with its own parameters (so that clients such
 * as GDAL find the property filters), the maximum of {@code limit}, and the schemas of
 * the features' properties. No external reference.
 */
@Component
public class OpenApiDocument {

	private final PublicLinks links;

	private final OgcSettings settings;

	OpenApiDocument(PublicLinks links, OgcSettings settings) {
		this.links = links;
		this.settings = settings;
	}

	public Map<String, Object> document() {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("openapi", "3.0.3");
		d.put("info",
				Map.of("title", "Proxima OGC API Features", "version", "1.0.0", "description",
						"Public offers, communes, départements and coverage of Proxima as OGC API Features", "license",
						Map.of("name", "Licence Ouverte 2.0 (data: FINESS, INSEE, IGN / Etalab)")));
		d.put("servers", List.of(Map.of("url", links.url("/ogc"))));
		Map<String, Object> paths = new LinkedHashMap<>();
		paths.put("/", get("getLandingPage", "Landing page", "application/json"));
		paths.put("/conformance", get("getConformanceDeclaration", "Conformance classes", "application/json"));
		paths.put("/api", get("getApiDefinition", "This API definition", Media.OPENAPI));
		paths.put("/collections", get("getCollections", "The collections", "application/json"));
		for (CollectionDef c : Catalog.ALL) {
			String base = "/collections/" + c.id();
			paths.put(base, get("describe_" + c.id(), "The collection " + c.title(), "application/json"));
			paths.put(base + "/items", items(c));
			paths.put(base + "/items/{featureId}", item(c));
		}
		d.put("paths", paths);
		d.put("components", Map.of("parameters", parameters(), "schemas", schemas()));
		return d;
	}

	private static Map<String, Object> get(String id, String summary, String type) {
		Map<String, Object> op = new LinkedHashMap<>();
		op.put("operationId", id);
		op.put("summary", summary);
		op.put("parameters", List.of(ref("f")));
		op.put("responses",
				Map.of("200", response(summary, type, Map.of("type", "object")), "400", problem("bad parameter")));
		return Map.of("get", op);
	}

	private static Map<String, Object> items(CollectionDef c) {
		List<Object> params = new ArrayList<>(
				List.of(ref("bbox"), ref("bbox-crs"), ref("limit"), ref("offset"), ref("crs"), ref("f")));
		if (c.temporal() != null) {
			params.add(ref("datetime"));
		}
		c.filters()
			.forEach((name, description) -> params
				.add(Map.of("name", name, "in", "query", "required", false, "description", description, "schema",
						Map.of("type", "string"), "style", "form", "explode", false)));
		Map<String, Object> op = new LinkedHashMap<>();
		op.put("operationId", "getFeatures_" + c.id());
		op.put("summary", "Features of " + c.title());
		op.put("description", c.description());
		op.put("parameters", params);
		op.put("responses",
				Map.of("200", response("The features", Media.GEOJSON, Map.of("$ref", "#/components/schemas/" + c.id())),
						"400", problem("unknown or invalid parameter"), "404", problem("unknown collection")));
		return Map.of("get", op);
	}

	private static Map<String, Object> item(CollectionDef c) {
		Map<String, Object> op = new LinkedHashMap<>();
		op.put("operationId", "getFeature_" + c.id());
		op.put("summary", "One feature of " + c.title());
		op.put("parameters",
				List.of(Map.of("name", "featureId", "in", "path", "required", true, "schema", Map.of("type", "string")),
						ref("crs"), ref("f")));
		op.put("responses", Map.of("200", response("The feature", Media.GEOJSON, Map.of("type", "object")), "404",
				problem("unknown collection or feature")));
		return Map.of("get", op);
	}

	private Map<String, Object> parameters() {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("bbox", Map.of("name", "bbox", "in", "query", "required", false, "description",
				"minLon,minLat,maxLon,maxLat (CRS84 unless bbox-crs); a west edge greater than the east edge crosses"
						+ " the antimeridian",
				"schema", Map.of("type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number")),
				"style", "form", "explode", false));
		p.put("bbox-crs", crsParameter("bbox-crs", "CRS of bbox"));
		p.put("crs", crsParameter("crs", "CRS of the answer's geometries (Content-Crs header)"));
		p.put("limit",
				Map.of("name", "limit", "in", "query", "required", false, "description",
						"items per page; a larger value is clamped to the maximum", "schema", Map.of("type", "integer",
								"minimum", 1, "maximum", settings.maxLimit(), "default", settings.defaultLimit()),
						"style", "form", "explode", false));
		p.put("offset",
				Map.of("name", "offset", "in", "query", "required", false, "description",
						"index of the first item (the next link carries it)", "schema",
						Map.of("type", "integer", "minimum", 0, "default", 0), "style", "form", "explode", false));
		p.put("datetime",
				Map.of("name", "datetime", "in", "query", "required", false, "description",
						"an RFC 3339 date or date-time, or an interval a/b with '..' for an open end, on the offer's"
								+ " source_date",
						"schema", Map.of("type", "string"), "style", "form", "explode", false));
		p.put("f",
				Map.of("name", "f", "in", "query", "required", false, "description", "encoding: json or html", "schema",
						Map.of("type", "string", "enum", List.of("json", "html")), "style", "form", "explode", false));
		return p;
	}

	private static Map<String, Object> crsParameter(String name, String description) {
		return Map.of("name", name, "in", "query", "required", false, "description", description, "schema",
				Map.of("type", "string", "format", "uri", "enum",
						java.util.Arrays.stream(Crs.values()).map(Crs::uri).toList(), "default", Crs.CRS84.uri()),
				"style", "form", "explode", false);
	}

	private static Map<String, Object> schemas() {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("problem", Map.of("type", "object", "properties", Map.of("status", Map.of("type", "integer"), "title",
				Map.of("type", "string"), "detail", Map.of("type", "string"))));
		for (CollectionDef c : Catalog.ALL) {
			Map<String, Object> props = new LinkedHashMap<>();
			c.properties()
				.forEach((name, type) -> props.put(name,
						type.equals("date") ? Map.of("type", "string", "format", "date", "nullable", true)
								: Map.of("type", type, "nullable", true)));
			Map<String, Object> feature = Map.of("type", "object", "properties",
					Map.of("type", Map.of("type", "string"), "id", Map.of("type", "string"), "geometry",
							Map.of("type", "object", "nullable", true, "description", c.geometryType()), "properties",
							Map.of("type", "object", "properties", props)));
			s.put(c.id(), Map.of("type", "object", "properties",
					Map.of("type", Map.of("type", "string"), "features", Map.of("type", "array", "items", feature),
							"numberMatched", Map.of("type", "integer"), "numberReturned", Map.of("type", "integer"),
							"timeStamp", Map.of("type", "string", "format", "date-time"))));
		}
		return s;
	}

	private static Map<String, Object> ref(String name) {
		return Map.of("$ref", "#/components/parameters/" + name);
	}

	private static Map<String, Object> response(String description, String type, Map<String, Object> schema) {
		return Map.of("description", description, "content", Map.of(type, Map.of("schema", schema)));
	}

	private static Map<String, Object> problem(String description) {
		return response(description, "application/problem+json", Map.of("$ref", "#/components/schemas/problem"));
	}

}
