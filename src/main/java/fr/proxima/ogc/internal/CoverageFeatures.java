package fr.proxima.ogc.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.proxima.coverage.CoverageQuery;
import fr.proxima.coverage.CoverageReport;
import fr.proxima.coverage.CoverageService;
import fr.proxima.coverage.CoverageSettings;
import fr.proxima.offers.Family;
import fr.proxima.ogc.FeaturePage;
import fr.proxima.ogc.OgcSettings;
import fr.proxima.shared.Feature;
import fr.proxima.shared.Geo;
import fr.proxima.shared.ReadSql;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * The {@code coverage} collection: the coverage module's per-commune report for the
 * family and threshold given as collection parameters, drawn with the communes' display
 * polygons. The report is computed for the whole request, then bbox and paging apply.
 */
@Component
public class CoverageFeatures {

	private final CoverageService coverage;

	private final CoverageSettings coverageSettings;

	private final OgcSettings settings;

	private final ReadSql sql;

	CoverageFeatures(CoverageService coverage, CoverageSettings coverageSettings, OgcSettings settings, ReadSql sql) {
		this.coverage = coverage;
		this.coverageSettings = coverageSettings;
		this.settings = settings;
		this.sql = sql;
	}

	public FeaturePage page(ItemsQuery q) {
		Map<String, String> f = q.filters();
		String families = f.getOrDefault("family", settings.defaultCoverageFamily());
		Double minutes = f.containsKey("minutes") ? number("minutes", f.get("minutes")) : null;
		CoverageQuery query = CoverageQuery.parse(families, minutes, f.get("departement"), null, null, null,
				coverageSettings);
		CoverageReport report = coverage.coverage(query);
		Map<String, Geometry> shapes = shapes(query.departements());
		String familyCodes = String.join(",", query.families().stream().map(Family::code).toList());
		List<Feature> matching = report.communes()
			.stream()
			.filter(r -> inside(shapes.get(r.code()), q.boxes()))
			.map(r -> Feature.of(r.code(), shapes.get(r.code()), properties(r, familyCodes, query.minutes())))
			.toList();
		int from = Math.min(q.offset(), matching.size());
		int to = (int) Math.min((long) from + q.limit(), matching.size());
		return new FeaturePage(matching.subList(from, to), matching.size());
	}

	private static boolean inside(Geometry g, List<Envelope> boxes) {
		return boxes.isEmpty() || (g != null && boxes.stream().anyMatch(b -> b.intersects(g.getEnvelopeInternal())));
	}

	private Map<String, Geometry> shapes(List<String> departements) {
		Map<String, Geometry> shapes = new HashMap<>();
		sql.jdbc()
			.query("SELECT code, ST_AsBinary(display_geom) AS wkb FROM commune WHERE departement_code IN (:deps)",
					new MapSqlParameterSource("deps", departements),
					(org.springframework.jdbc.core.RowCallbackHandler) rs -> shapes.put(rs.getString("code"),
							Geo.fromWkb(rs.getBytes("wkb"))));
		return shapes;
	}

	private static Map<String, Object> properties(CoverageReport.Row r, String families, double threshold) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("code", r.code());
		p.put("name", r.name());
		p.put("departement", r.departement());
		p.put("families", families);
		p.put("threshold_minutes", threshold);
		p.put("minutes", r.minutes() == null ? null : Math.round(r.minutes() * 10) / 10.0);
		p.put("nearest_offer_id", r.nearestOfferId());
		p.put("nearest_offer_name", r.nearestOfferName());
		p.put("covered", r.covered());
		p.put("population", r.population());
		p.put("aged_75_plus", r.aged75Plus());
		p.put("aged_85_plus", r.aged85Plus());
		p.put("covered_population", r.coveredPopulation());
		p.put("covered_aged_75_plus", r.coveredAged75Plus());
		p.put("covered_aged_85_plus", r.coveredAged85Plus());
		p.put("method", r.method());
		return p;
	}

	private static Double number(String name, String text) {
		try {
			return Double.parseDouble(text);
		}
		catch (NumberFormatException e) {
			throw new fr.proxima.shared.InvalidInputException(name + " must be a number (got '" + text + "')");
		}
	}

}
