package fr.proxima.ogc.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.proxima.ogc.PublicLinks;
import fr.proxima.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The JSON documents of OGC API Features Part 1 and 2 that describe the service: landing
 * page, conformance declaration, collections and one collection.
 */
@Component
public class Documents {

	public static final List<String> CONFORMANCE = List.of(
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
			"http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");

	private final PublicLinks links;

	private final FeatureStore store;

	Documents(PublicLinks links, FeatureStore store) {
		this.links = links;
		this.store = store;
	}

	public Map<String, Object> landing() {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("title", "Proxima — OGC API Features");
		d.put("description", "Home-care and inclusion offers for elderly and disabled people, communes,"
				+ " départements and coverage, as OGC API Features (Part 1 Core, GeoJSON, HTML, OpenAPI 3.0; Part 2 CRS)");
		d.put("links",
				List.of(links.link("/ogc", "self", Media.JSON, "this document"),
						links.link("/ogc?f=html", "alternate", Media.HTML, "this document as HTML"),
						links.link("/ogc/api", "service-desc", Media.OPENAPI, "the API definition (OpenAPI 3.0)"),
						links.link("/ogc/api?f=html", "service-doc", Media.HTML, "the API documentation"),
						links.link("/ogc/conformance", "conformance", Media.JSON, "conformance classes implemented"),
						links.link("/ogc/collections", "data", Media.JSON, "the collections")));
		return d;
	}

	public Map<String, Object> conformance() {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("conformsTo", CONFORMANCE);
		d.put("links", List.of(links.link("/ogc/conformance", "self", Media.JSON, "this document"),
				links.link("/ogc/conformance?f=html", "alternate", Media.HTML, "this document as HTML")));
		return d;
	}

	public Map<String, Object> collections() {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("links", List.of(links.link("/ogc/collections", "self", Media.JSON, "this document"),
				links.link("/ogc/collections?f=html", "alternate", Media.HTML, "this document as HTML")));
		d.put("collections", Catalog.ALL.stream().map(this::describe).toList());
		d.put("crs", crsList());
		return d;
	}

	public Map<String, Object> collection(String id) {
		return describe(definition(id));
	}

	public static CollectionDef definition(String id) {
		return Catalog.find(id)
			.orElseThrow(() -> new NotFoundException("No collection '" + id + "'. Collections: "
					+ Catalog.ALL.stream().map(CollectionDef::id).toList()));
	}

	private Map<String, Object> describe(CollectionDef c) {
		String path = "/ogc/collections/" + c.id();
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("id", c.id());
		d.put("title", c.title());
		d.put("description", c.description());
		d.put("itemType", "feature");
		d.put("extent", extent(c));
		d.put("crs", crsList());
		d.put("storageCrs", Crs.CRS84.uri());
		d.put("links",
				List.of(links.link(path, "self", Media.JSON, "this collection"),
						links.link(path + "?f=html", "alternate", Media.HTML, "this collection as HTML"),
						links.link(path + "/items", "items", Media.GEOJSON, "its features"),
						links.link(path + "/items?f=html", "items", Media.HTML, "its features as HTML")));
		return d;
	}

	private Map<String, Object> extent(CollectionDef c) {
		FeatureStore.Extent e = store.extent(c);
		Map<String, Object> extent = new LinkedHashMap<>();
		double[] box = e.bbox() == null ? new double[] { -180, -90, 180, 90 } : e.bbox();
		List<Double> bbox = new ArrayList<>();
		Arrays.stream(box).forEach(v -> bbox.add(Math.round(v * 1e6) / 1e6));
		extent.put("spatial", Map.of("bbox", List.of(bbox), "crs", Crs.CRS84.uri()));
		if (c.temporal() != null) {
			List<String> interval = e.interval() == null ? Arrays.asList(null, null) : List.of(e.interval());
			extent.put("temporal", Map.of("interval", List.of(interval), "trs",
					"http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"));
		}
		return extent;
	}

	private static List<String> crsList() {
		return Arrays.stream(Crs.values()).map(Crs::uri).toList();
	}

}
