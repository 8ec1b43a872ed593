package fr.proxima.offers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.proxima.shared.BoundingBox;
import fr.proxima.shared.Geo;
import fr.proxima.shared.NotFoundException;
import fr.proxima.shared.Paging;
import fr.proxima.shared.ReadSql;
import fr.proxima.shared.ResultPage;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Offer search and detail, in SQL that runs unchanged on H2GIS and PostGIS. Spatial
 * filters use {@code geom && ST_MakeEnvelope(…)}, which both databases answer from their
 * spatial index; a near-point search prefilters with the rectangle around the circle
 * (H2GIS has no index-assisted {@code <->}) and then keeps and sorts by
 * {@code ST_DistanceSphere}. Every value is a bind parameter.
 */
@Service
class OfferSearch {

	/**
	 * Accented letters folded by the name filter: TRANSLATE exists on both databases,
	 * unaccent() not.
	 */
	private static final String FOLD_FROM = "ÀÂÄÁÃÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÇŸÑàâäáãéèêëíìîïóòôöõúùûüçÿñ";

	private static final String FOLD_TO = "aaaaaeeeeiiiiooooouuuucynaaaaaeeeeiiiiooooouuuucyn";

	private static final String SUMMARY_COLUMNS = "o.id, o.finess_et, o.name, o.family, o.audience, o.category_code,"
			+ " o.category_label, o.capacity, o.address, o.postal_code, o.city, o.commune_code, o.phone,"
			+ " o.organisation_id, ST_X(o.geom) AS lon, ST_Y(o.geom) AS lat";

	private static final String DISTANCE = "ST_DistanceSphere(o.geom,"
			+ " ST_SetSRID(ST_MakePoint(:nearLon, :nearLat), 4326))";

	static final String ORGANISATION_COLUMNS = "g.id AS org_id, g.finess_ej, g.siren, g.name AS org_name,"
			+ " g.type AS org_type, (SELECT COUNT(*) FROM offer x WHERE x.organisation_id = g.id) AS org_offers";

	private static final String DETAIL = "SELECT o.id, o.finess_et, o.source_ref, o.name, o.category_code,"
			+ " o.category_label, o.family, o.audience, o.capacity, o.address, o.postal_code, o.city, o.commune_code,"
			+ " o.phone, o.email, o.website, o.opening_hours, o.description, o.free_places, o.places_given_at,"
			+ " ST_X(o.geom) AS lon, ST_Y(o.geom) AS lat,"
			+ " ST_AsBinary(o.zone_geom) AS zone_wkb, o.source_name, o.source_date, o.imported_at, o.verified_at, "
			+ ORGANISATION_COLUMNS + " FROM offer o LEFT JOIN organisation g ON g.id = o.organisation_id WHERE ";

	private final NamedParameterJdbcTemplate jdbc;

	OfferSearch(ReadSql sql) {
		this.jdbc = sql.jdbc();
	}

	/**
	 * One page of the offers matching the filter: by distance for a near-point search, by
	 * name otherwise. One row more than the page is read to know whether a next page
	 * exists; the matches are counted only when {@code countTotal} asks for it and the
	 * page does not already tell it.
	 */
	ResultPage<OfferSummary> search(OfferFilter filter, Paging paging, boolean countTotal) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(filter, params);
		boolean near = filter.near() != null;
		params.addValue("limit", paging.limit() + 1).addValue("offset", paging.offset());
		String sql = "SELECT " + SUMMARY_COLUMNS + (near ? ", " + DISTANCE + " AS distance_m" : "") + " FROM offer o"
				+ where + (near ? " ORDER BY distance_m, o.id" : " ORDER BY o.name, o.id")
				+ " OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY";
		List<OfferSummary> rows = jdbc.query(sql, params, (rs, i) -> summary(rs, near));
		return ResultPage.probed(rows, paging, countTotal,
				() -> jdbc.queryForObject("SELECT COUNT(*) FROM offer o" + where, params, Long.class));
	}

	OfferDetail byId(long id) {
		return detail("o.id = :key", id, "No offer with id " + id);
	}

	OfferDetail byFiness(String finessEt) {
		return detail("o.finess_et = :key", finessEt, "No offer with FINESS ET number " + finessEt);
	}

	/**
	 * An organisation's offers in full, by name: one query for the offers, one for their
	 * zones' communes (no query per offer).
	 */
	List<OfferDetail> byOrganisation(long organisationId) {
		return details("o.organisation_id = :key", organisationId, " ORDER BY o.name, o.id");
	}

	private OfferDetail detail(String condition, Object key, String notFound) {
		List<OfferDetail> found = details(condition, key, "");
		if (found.isEmpty()) {
			throw new NotFoundException(notFound);
		}
		return found.get(0);
	}

	private List<OfferDetail> details(String condition, Object key, String order) {
		MapSqlParameterSource params = new MapSqlParameterSource("key", key);
		Map<Long, List<String>> zoneCommunes = new HashMap<>();
		jdbc.query(
				"SELECT z.offer_id, z.commune_code FROM offer_zone_commune z JOIN offer o ON o.id = z.offer_id"
						+ " WHERE " + condition + " ORDER BY z.commune_code",
				params, (RowCallbackHandler) rs -> zoneCommunes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(rs.getString(2)));
		return jdbc.query(DETAIL + condition + order, params,
				(rs, i) -> detail(rs, zoneCommunes.getOrDefault(rs.getLong("id"), List.of())));
	}

	private static String where(OfferFilter f, MapSqlParameterSource params) {
		List<String> conditions = new ArrayList<>();
		if (f.bbox() != null) {
			conditions.add(envelope(f.bbox(), "box", params));
		}
		if (f.near() != null) {
			params.addValue("nearLon", f.near().getX()).addValue("nearLat", f.near().getY());
			params.addValue("radius", f.radiusMetres());
			conditions.add(envelope(BoundingBox.around(f.near(), f.radiusMetres()), "around", params));
			conditions.add(DISTANCE + " <= :radius");
		}
		if (!f.families().isEmpty()) {
			params.addValue("families", f.families().stream().map(Family::code).toList());
			conditions.add("o.family IN (:families)");
		}
		if (f.audience() != null) {
			// an offer for everyone also serves the elderly and the disabled
			params.addValue("audiences", List.of(f.audience().code(), Audience.ALL.code()));
			conditions.add("o.audience IN (:audiences)");
		}
		if (f.commune() != null) {
			params.addValue("commune", f.commune());
			conditions.add("(o.commune_code = :commune OR EXISTS (SELECT 1 FROM offer_zone_commune z"
					+ " WHERE z.offer_id = o.id AND z.commune_code = :commune))");
		}
		if (f.text() != null) {
			params.addValue("text", "%" + f.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			params.addValue("foldFrom", FOLD_FROM).addValue("foldTo", FOLD_TO);
			conditions.add("TRANSLATE(LOWER(o.name), :foldFrom, :foldTo) LIKE :text ESCAPE '\\'");
		}
		if (f.organisationId() != null) {
			params.addValue("organisation", f.organisationId());
			conditions.add("o.organisation_id = :organisation");
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	private static String envelope(BoundingBox b, String name, MapSqlParameterSource params) {
		params.addValue(name + "MinLon", b.minLon())
			.addValue(name + "MinLat", b.minLat())
			.addValue(name + "MaxLon", b.maxLon())
			.addValue(name + "MaxLat", b.maxLat());
		return "o.geom && ST_MakeEnvelope(:%1$sMinLon, :%1$sMinLat, :%1$sMaxLon, :%1$sMaxLat, 4326)".formatted(name);
	}

	/**
	 * A row of {@link #SUMMARY_COLUMNS} (and the distance), read by position: the driver
	 * would otherwise build a map of the column names for every page (issue 15).
	 */
	private static OfferSummary summary(ResultSet rs, boolean near) throws SQLException {
		double lon = rs.getDouble(15);
		Point location = rs.wasNull() ? null : Geo.point(lon, rs.getDouble(16));
		return new OfferSummary(rs.getLong(1), rs.getString(2), rs.getString(3), Family.fromCode(rs.getString(4)),
				Audience.fromCode(rs.getString(5)), rs.getString(6), rs.getString(7), integer(rs, 8), rs.getString(9),
				rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), longOrNull(rs, 14), location,
				near ? Math.round(rs.getDouble(17) * 10) / 10.0 : null);
	}

	private static OfferDetail detail(ResultSet rs, List<String> zoneCommunes) throws SQLException {
		return new OfferDetail(rs.getLong("id"), rs.getString("finess_et"), rs.getString("source_ref"),
				rs.getString("name"), rs.getString("category_code"), rs.getString("category_label"),
				Family.fromCode(rs.getString("family")), Audience.fromCode(rs.getString("audience")),
				integer(rs, "capacity"), rs.getString("address"), rs.getString("postal_code"), rs.getString("city"),
				rs.getString("commune_code"), rs.getString("phone"), rs.getString("email"), rs.getString("website"),
				rs.getString("opening_hours"), rs.getString("description"), integer(rs, "free_places"),
				rs.getObject("places_given_at", LocalDate.class), location(rs), organisation(rs),
				new OfferDetail.Zone(zoneCommunes, Geo.fromWkb(rs.getBytes("zone_wkb"))),
				new OfferDetail.Provenance(rs.getString("source_name"), rs.getObject("source_date", LocalDate.class),
						rs.getObject("imported_at", OffsetDateTime.class),
						rs.getObject("verified_at", OffsetDateTime.class)));
	}

	/**
	 * The organisation selected with {@link #ORGANISATION_COLUMNS}, or null after an
	 * unmatched left join.
	 */
	static OrganisationSummary organisation(ResultSet rs) throws SQLException {
		Long id = longOrNull(rs, "org_id");
		return id == null ? null : new OrganisationSummary(id, rs.getString("finess_ej"), rs.getString("siren"),
				rs.getString("org_name"), rs.getString("org_type"), rs.getLong("org_offers"));
	}

	private static Point location(ResultSet rs) throws SQLException {
		double lon = rs.getDouble("lon");
		return rs.wasNull() ? null : Geo.point(lon, rs.getDouble("lat"));
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		return integer(rs, rs.findColumn(column));
	}

	private static Integer integer(ResultSet rs, int column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}

	private static Long longOrNull(ResultSet rs, String column) throws SQLException {
		return longOrNull(rs, rs.findColumn(column));
	}

	private static Long longOrNull(ResultSet rs, int column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

}
