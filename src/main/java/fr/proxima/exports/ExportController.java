package fr.proxima.exports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.proxima.exports.internal.CsvExport;
import fr.proxima.exports.internal.GeoPackageExport;
import fr.proxima.exports.internal.OpenSchemas;
import fr.proxima.exports.internal.Sources;
import fr.proxima.ogc.FeaturePage;
import fr.proxima.ogc.PublicCollections;
import fr.proxima.ogc.PublicLinks;
import fr.proxima.shared.FeatureCollection;
import fr.proxima.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open exports of every public layer (GeoJSON, CSV, GeoPackage) and of the offers in the
 * open referral schemas (HSDS 3, data·inclusion). Each names its sources and their dates:
 * in the file (GeoJSON {@code sources}, GeoPackage {@code proxima_sources}, the schemas'
 * {@code sources}) and, for CSV, in {@code /exports/{layer}.sources.json} linked from the
 * {@code Link} header.
 */
@RestController
@Tag(name = "Exports", description = "whole public layers as GeoJSON, CSV and GeoPackage; HSDS 3 and data·inclusion")
class ExportController {

	static final MediaType GEOPACKAGE = MediaType.parseMediaType("application/geopackage+sqlite3");

	private final PublicCollections collections;

	private final Sources sources;

	private final OpenSchemas schemas;

	private final PublicLinks links;

	ExportController(PublicCollections collections, Sources sources, OpenSchemas schemas, PublicLinks links) {
		this.collections = collections;
		this.sources = sources;
		this.schemas = schemas;
		this.links = links;
	}

	@GetMapping(path = "/exports", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "listExports", summary = "Every export with its link")
	Map<String, Object> list() {
		List<Map<String, String>> files = new ArrayList<>();
		for (String c : PublicCollections.STORED) {
			for (String ext : List.of("geojson", "csv", "gpkg")) {
				files.add(Map.of("layer", c, "format", ext, "href", links.url("/exports/" + c + "." + ext)));
			}
		}
		files.add(Map.of("layer", "offers", "format", "hsds-3", "href", links.url("/exports/hsds.json")));
		files.add(Map.of("layer", "offers", "format", "data-inclusion", "href",
				links.url("/exports/data-inclusion.json")));
		return Map.of("exports", files);
	}

	@GetMapping(path = "/exports/{layer}.geojson")
	@Operation(operationId = "exportGeoJson", summary = "A whole layer as GeoJSON, with its sources")
	ResponseEntity<FeatureCollection> geojson(@PathVariable String layer) {
		FeaturePage page = page(layer);
		Map<String, Object> metadata = new LinkedHashMap<>(sources.asMap(layer));
		metadata.put("numberMatched", page.numberMatched());
		return file(layer + ".geojson", MediaType.parseMediaType("application/geo+json"))
			.body(FeatureCollection.of(page.features(), metadata));
	}

	@GetMapping(path = "/exports/{layer}.csv")
	@Operation(operationId = "exportCsv", summary = "A whole layer as CSV (lon/lat or WKT in CRS84)")
	ResponseEntity<byte[]> csv(@PathVariable String layer) {
		FeaturePage page = page(layer);
		String text = CsvExport.write(page.features(), collections.properties(layer),
				collections.geometryType(layer).equals("Point"));
		return file(layer + ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.LINK, "<" + links.url("/exports/" + layer + ".sources.json") + ">; rel=\"describedby\"")
			.body(text.getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping(path = "/exports/{layer}.sources.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "exportSources", summary = "The sources of a layer and their dates")
	Map<String, Object> sources(@PathVariable String layer) {
		page(layer);
		return sources.asMap(layer);
	}

	@GetMapping(path = "/exports/{layer}.gpkg")
	@Operation(operationId = "exportGeoPackage", summary = "A whole layer as an OGC GeoPackage (EPSG:4326)")
	ResponseEntity<byte[]> geopackage(@PathVariable String layer) {
		FeaturePage page = page(layer);
		byte[] gpkg = GeoPackageExport.write(layer, page.features(), collections.properties(layer),
				collections.geometryType(layer), sources.of(layer));
		return file(layer + ".gpkg", GEOPACKAGE).body(gpkg);
	}

	@GetMapping(path = "/exports/hsds.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "exportHsds", summary = "The public offers as Open Referral HSDS 3.0 tables")
	ResponseEntity<Map<String, Object>> hsds() {
		Map<String, Object> body = new LinkedHashMap<>(schemas.hsds());
		body.put("sources", sources.of("offers"));
		return file("proxima-hsds.json", MediaType.APPLICATION_JSON).body(body);
	}

	@GetMapping(path = "/exports/data-inclusion.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "exportDataInclusion", summary = "The public offers in the data·inclusion schema")
	ResponseEntity<Map<String, Object>> dataInclusion() {
		Map<String, Object> body = new LinkedHashMap<>(schemas.dataInclusion());
		body.put("sources", sources.of("offers"));
		return file("proxima-data-inclusion.json", MediaType.APPLICATION_JSON).body(body);
	}

	private FeaturePage page(String layer) {
		if (!PublicCollections.STORED.contains(layer)) {
			throw new NotFoundException("No export of '" + layer + "'. Layers: " + PublicCollections.STORED);
		}
		return collections.all(layer);
	}

	private static ResponseEntity.BodyBuilder file(String name, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
	}

}
