package fr.proxima.ogc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.proxima.offers.Audience;
import fr.proxima.offers.Family;
import fr.proxima.ogc.FeaturePage;
import fr.proxima.shared.Feature;
import fr.proxima.shared.Geo;
import fr.proxima.shared.ReadSql;
import org.locationtech.jts.geom.Envelope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SQL of the stored collections (offers, communes, départements), the same on H2GIS
 * and PostGIS. Every value is a bind parameter; the bbox uses the spatial index
 * ({@code &&}); pages are ordered by the natural key so that paging is stable.
 */
@Component
public class FeatureStore {

	private static final String OFFERS = "SELECT o.id, o.finess_et, o.name, o.family, o.audience, o.category_code,"
			+ " o.category_label, o.capacity, o.address, o.postal_code, o.city, o.commune_code,"
			+ " c.departement_code AS departement, o.phone, o.email, o.website, o.organisation_id,"
			+ " g.name AS organisation_name, o.source_name, o.source_date, CAST(o.verified_at AS DATE) AS verified_at,"
			+ " ST_AsBinary(o.geom) AS wkb";

	private static final String OFFERS_FROM = " FROM offer o LEFT JOIN commune c ON c.code = o.commune_code"
			+ " LEFT JOIN organisation g ON g.id = o.organisation_id";

	private static final String COMMUNES = "SELECT c.code, c.name, c.departement_code AS departement, c.cog_year,"
			+ " p.census_year, p.total AS population, p.aged_75_plus, p.aged_85_plus,"
			+ " (SELECT COUNT(*) FROM offer o WHERE o.commune_code = c.code) AS offers,"
			+ " (SELECT COUNT(*) FROM offer_zone_commune z WHERE z.commune_code = c.code) AS home_care_zones,"
			+ " ST_AsBinary(c.display_geom) AS wkb";

	private static final String COMMUNES_FROM = " FROM commune c LEFT JOIN population p ON p.commune_code = c.code";

	private static final String DEPARTEMENTS = "SELECT d.code, d.name,"
			+ " (SELECT COUNT(*) FROM commune c WHERE c.departement_code = d.code) AS communes,"
			+ " (SELECT SUM(p.total) FROM population p JOIN commune c ON c.code = p.commune_code"
			+ " WHERE c.departement_code = d.code) AS population,"
			+ " (SELECT SUM(p.aged_75_plus) FROM population p JOIN commune c ON c.code = p.commune_code"
			+ " WHERE c.departement_code = d.code) AS aged_75_plus, ST_AsBinary(d.geom) AS wkb";

	private static final String DEPARTEMENTS_FROM = " FROM departement d";

	private final NamedParameterJdbcTemplate jdbc;

	FeatureStore(ReadSql sql) {
		this.jdbc = sql.jdbc();
	}

	public FeaturePage page(CollectionDef collection, ItemsQuery q) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String[] sql = switch (collection.id()) {
			case Catalog.OFFERS -> new String[] { OFFERS, OFFERS_FROM, offerWhere(q, params), "o.id" };
			case Catalog.COMMUNES -> new String[] { COMMUNES, COMMUNES_FROM,
					where(q, params, "c.geom", "c.code", "c.departement_code"), "c.code" };
			case Catalog.DEPARTEMENTS ->
				new String[] { DEPARTEMENTS, DEPARTEMENTS_FROM, where(q, params, "d.geom", null, "d.code"), "d.code" };
			default -> throw new IllegalArgumentException("not a stored collection: " + collection.id());
		};
		String paging = "";
		if (q.limit() != Integer.MAX_VALUE) {
			params.addValue("limit", q.limit()).addValue("offset", q.offset());
			paging = " OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY";
		}
		String idColumn = collection.properties().containsKey("id") ? "id" : "code";
		List<Feature> features = jdbc.query(sql[0] + sql[1] + sql[2] + " ORDER BY " + sql[3] + paging, params,
				(rs, i) -> feature(rs, collection, idColumn));
		long matched = q.offset() == 0 && features.size() < q.limit() ? features.size()
				: jdbc.queryForObject("SELECT COUNT(*)" + sql[1] + sql[2], params, Long.class);
		return new FeaturePage(features, matched);
	}

	/**
	 * The collection's spatial extent as {@code [minLon, minLat, maxLon, maxLat]}, and
	 * for offers the first and last source dates; empty arrays when nothing is stored.
	 */
	public Extent extent(CollectionDef collection) {
		String[] tableAndGeom = switch (collection.id()) {
			case Catalog.OFFERS -> new String[] { "offer", "geom" };
			case Catalog.DEPARTEMENTS -> new String[] { "departement", "geom" };
			default -> new String[] { "commune", "geom" };
		};
		String sql = "SELECT MIN(ST_XMin(%2$s)) AS x0, MIN(ST_YMin(%2$s)) AS y0, MAX(ST_XMax(%2$s)) AS x1,"
				+ " MAX(ST_YMax(%2$s)) AS y1 FROM %1$s";
		double[] box = jdbc.query(sql.formatted(tableAndGeom[0], tableAndGeom[1]), rs -> {
			rs.next();
			double x0 = rs.getDouble("x0");
			return rs.wasNull() ? null
					: new double[] { x0, rs.getDouble("y0"), rs.getDouble("x1"), rs.getDouble("y1") };
		});
		String[] dates = null;
		if (collection.temporal() != null) {
			dates = jdbc.query("SELECT MIN(source_date) AS d0, MAX(source_date) AS d1 FROM offer", rs -> {
				rs.next();
				java.sql.Date d0 = rs.getDate("d0");
				java.sql.Date d1 = rs.getDate("d1");
				return d0 == null ? null
						: new String[] { d0.toLocalDate() + "T00:00:00Z", d1.toLocalDate() + "T23:59:59Z" };
			});
		}
		return new Extent(box, dates);
	}

	/** A spatial and temporal extent; either may be null (empty store, no dates). */
	public record Extent(double[] bbox, String[] interval) {
	}

	private static String offerWhere(ItemsQuery q, MapSqlParameterSource params) {
		List<String> conditions = new ArrayList<>();
		boxes(q.boxes(), "o.geom", params, conditions);
		Map<String, String> f = q.filters();
		if (f.containsKey("family")) {
			params.addValue("families", Family.fromCodes(List.of(f.get("family"))).stream().map(Family::code).toList());
			conditions.add("o.family IN (:families)");
		}
		if (f.containsKey("audience")) {
			// an offer for everyone also serves the elderly and the disabled
			Audience a = Audience.fromCode(f.get("audience"));
			params.addValue("audiences", List.of(a.code(), Audience.ALL.code()));
			conditions.add("o.audience IN (:audiences)");
		}
		if (f.containsKey("commune")) {
			params.addValue("commune", f.get("commune"));
			conditions.add("(o.commune_code = :commune OR EXISTS (SELECT 1 FROM offer_zone_commune z"
					+ " WHERE z.offer_id = o.id AND z.commune_code = :commune))");
		}
		if (f.containsKey("departement")) {
			params.addValue("departement", f.get("departement"));
			conditions.add("c.departement_code = :departement");
		}
		if (q.from() != null) {
			params.addValue("from", q.from(), Types.DATE);
			conditions.add("o.source_date >= :from");
		}
		if (q.to() != null) {
			params.addValue("to", q.to(), Types.DATE);
			conditions.add("o.source_date <= :to");
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	private static String where(ItemsQuery q, MapSqlParameterSource params, String geom, String codeColumn,
			String departementColumn) {
		List<String> conditions = new ArrayList<>();
		boxes(q.boxes(), geom, params, conditions);
		if (codeColumn != null && q.filters().containsKey("commune")) {
			params.addValue("commune", q.filters().get("commune"));
			conditions.add(codeColumn + " = :commune");
		}
		if (q.filters().containsKey("departement")) {
			params.addValue("departement", q.filters().get("departement"));
			conditions.add(departementColumn + " = :departement");
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	private static void boxes(List<Envelope> boxes, String geom, MapSqlParameterSource params,
			List<String> conditions) {
		if (boxes.isEmpty()) {
			return;
		}
		List<String> any = new ArrayList<>();
		for (int i = 0; i < boxes.size(); i++) {
			Envelope e = boxes.get(i);
			params.addValue("b" + i + "x0", e.getMinX())
				.addValue("b" + i + "y0", e.getMinY())
				.addValue("b" + i + "x1", e.getMaxX())
				.addValue("b" + i + "y1", e.getMaxY());
			any.add("%1$s && ST_MakeEnvelope(:b%2$dx0, :b%2$dy0, :b%2$dx1, :b%2$dy1, 4326)".formatted(geom, i));
		}
		conditions.add("(" + String.join(" OR ", any) + ")");
	}

	private static Feature feature(ResultSet rs, CollectionDef collection, String idColumn) throws SQLException {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (Map.Entry<String, String> p : collection.properties().entrySet()) {
			Object v = switch (p.getValue()) {
				case "integer" -> {
					long n = rs.getLong(p.getKey());
					yield rs.wasNull() ? null : n;
				}
				case "date" -> {
					java.sql.Date d = rs.getDate(p.getKey());
					yield d == null ? null : d.toLocalDate().toString();
				}
				default -> rs.getString(p.getKey());
			};
			properties.put(p.getKey(), v);
		}
		return Feature.of(properties.get(idColumn), Geo.fromWkb(rs.getBytes("wkb")), properties);
	}

}
