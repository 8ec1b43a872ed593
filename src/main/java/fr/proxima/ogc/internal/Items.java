package fr.proxima.ogc.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.proxima.ogc.FeaturePage;
import fr.proxima.ogc.OgcSettings;
import fr.proxima.ogc.PublicLinks;
import fr.proxima.shared.Feature;
import fr.proxima.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Items of a collection: parameters checked, features fetched, then written as a GeoJSON
 * FeatureCollection with {@code numberMatched}, {@code numberReturned}, {@code timeStamp}
 * and the paging links.
 */
@Service
public class Items {

	private final FeatureStore store;

	private final CoverageFeatures coverage;

	private final PublicLinks links;

	private final OgcSettings settings;

	Items(FeatureStore store, CoverageFeatures coverage, PublicLinks links, OgcSettings settings) {
		this.store = store;
		this.coverage = coverage;
		this.links = links;
		this.settings = settings;
	}

	/** The checked request and its page. */
	public record Answer(ItemsQuery query, FeaturePage page, Map<String, Object> body) {
	}

	public Answer items(String collectionId, Map<String, String[]> params) {
		CollectionDef c = Documents.definition(collectionId);
		ItemsQuery q = ItemsQuery.parse(params, c, settings);
		FeaturePage page = fetch(c, q);
		List<Feature> features = page.features().stream().map(f -> inCrs(f, q.crs())).toList();
		String path = "/ogc/collections/" + c.id() + "/items";
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "FeatureCollection");
		body.put("numberMatched", page.numberMatched());
		body.put("numberReturned", features.size());
		body.put("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
		List<Map<String, Object>> l = new ArrayList<>();
		l.add(links.link(query(path, params, q.offset(), null), "self", Media.GEOJSON, "this page"));
		l.add(links.link(query(path, params, q.offset(), "html"), "alternate", Media.HTML, "this page as HTML"));
		if (q.offset() + features.size() < page.numberMatched()) {
			l.add(links.link(query(path, params, q.offset() + q.limit(), null), "next", Media.GEOJSON, "next page"));
		}
		if (q.offset() > 0) {
			l.add(links.link(query(path, params, Math.max(0, q.offset() - q.limit()), null), "prev", Media.GEOJSON,
					"previous page"));
		}
		l.add(links.link("/ogc/collections/" + c.id(), "collection", Media.JSON, "the collection"));
		body.put("links", l);
		body.put("features", features);
		return new Answer(q, page, body);
	}

	/** Every feature of a collection in CRS84 (the exports), with optional filters. */
	public FeaturePage all(String collectionId, Map<String, String> filters) {
		return fetch(Documents.definition(collectionId), ItemsQuery.everything(filters));
	}

	public Map<String, Object> item(String collectionId, String featureId, Map<String, String[]> params) {
		CollectionDef c = Documents.definition(collectionId);
		Map<String, String[]> known = new LinkedHashMap<>();
		params.forEach((k, v) -> {
			if (!k.equals("f") && !k.equals("crs") && !c.filters().containsKey(k)) {
				throw new fr.proxima.shared.InvalidInputException(
						"Unknown parameter '" + k + "' for a single item: accepted f, crs and " + c.filters().keySet());
			}
			known.put(k, v);
		});
		Map<String, String[]> all = new LinkedHashMap<>(known);
		all.put("limit", new String[] { String.valueOf(Integer.MAX_VALUE) });
		ItemsQuery q = ItemsQuery.parse(all, c, settings);
		ItemsQuery everything = new ItemsQuery(List.of(), Integer.MAX_VALUE, 0, null, null, q.filters(), q.crs());
		Feature found = fetch(c, everything).features()
			.stream()
			.filter(f -> String.valueOf(f.id()).equals(featureId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("No feature '" + featureId + "' in collection '" + c.id() + "'"));
		Feature f = inCrs(found, q.crs());
		String path = "/ogc/collections/" + c.id() + "/items/" + featureId;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "Feature");
		body.put("id", f.id());
		body.put("geometry", f.geometry());
		body.put("properties", f.properties());
		body.put("links",
				List.of(links.link(path, "self", Media.GEOJSON, "this feature"),
						links.link(path + "?f=html", "alternate", Media.HTML, "this feature as HTML"),
						links.link("/ogc/collections/" + c.id(), "collection", Media.JSON, "the collection")));
		return body;
	}

	private FeaturePage fetch(CollectionDef c, ItemsQuery q) {
		return c.id().equals(Catalog.COVERAGE) ? coverage.page(q) : store.page(c, q);
	}

	private static Feature inCrs(Feature f, Crs crs) {
		return crs == Crs.CRS84 ? f : Feature.of(f.id(), crs.fromCrs84(f.geometry()), f.properties());
	}

	/** The request's path and parameters with another offset (and format). */
	private static String query(String path, Map<String, String[]> params, int offset, String format) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
		params.forEach((k, v) -> {
			if (!k.equals("offset") && !k.equals("f")) {
				b.queryParam(k, (Object[]) v);
			}
		});
		if (offset > 0) {
			b.queryParam("offset", offset);
		}
		if (format != null) {
			b.queryParam("f", format);
		}
		return b.encode().build().toUriString();
	}

}
