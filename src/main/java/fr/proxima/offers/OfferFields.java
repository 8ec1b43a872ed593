package fr.proxima.offers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import fr.proxima.shared.Geo;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads and writes the {@link EditableField}s of offers as text, the form histories,
 * claims and conflicts keep. Geometries are written as WKT by JTS on both sides, so that
 * one polygon always has one text.
 */
@Component
class OfferFields {

	/** One offer's editable fields, its organisation and its register-owned location. */
	record State(long id, String name, Long organisationId, String address, String location, String sourceName,
			Map<EditableField, String> values) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	OfferFields(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The offers' states in two queries (offers, then their zones' communes). */
	Map<Long, State> states(Collection<Long> ids) {
		Map<Long, State> states = new TreeMap<>();
		if (ids.isEmpty()) {
			return states;
		}
		Map<String, Object> p = Map.of("ids", ids);
		Map<Long, TreeSet<String>> communes = new HashMap<>();
		jdbc.query("SELECT offer_id, commune_code FROM offer_zone_commune WHERE offer_id IN (:ids)", p,
				(RowCallbackHandler) rs -> {
					communes.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
				});
		jdbc.query(
				"SELECT id, name, organisation_id, address, ST_AsBinary(geom) AS geom_wkb, phone, email, website,"
						+ " capacity, free_places, places_given_at, opening_hours, description,"
						+ " ST_AsBinary(zone_geom) AS zone_wkb, source_name FROM offer WHERE id IN (:ids)",
				p, (RowCallbackHandler) rs -> {
					long id = rs.getLong("id");
					Map<EditableField, String> v = new EnumMap<>(EditableField.class);
					for (EditableField f : EditableField.values()) {
						if (f.column != null && !f.geometry()) {
							Object o = rs.getObject(f.column);
							v.put(f, o == null ? null : String.valueOf(o));
						}
					}
					v.put(EditableField.ZONE_GEOMETRY, wkt(rs, "zone_wkb"));
					v.put(EditableField.LOCATION, wkt(rs, "geom_wkb"));
					TreeSet<String> zone = communes.get(id);
					v.put(EditableField.ZONE_COMMUNES, zone == null ? null : String.join(",", zone));
					long org = rs.getLong("organisation_id");
					states.put(id, new State(id, rs.getString("name"), rs.wasNull() ? null : org,
							rs.getString("address"), wkt(rs, "geom_wkb"), rs.getString("source_name"), v));
				});
		return states;
	}

	State state(long id) {
		return states(List.of(id)).get(id);
	}

	/** Writes one field from its text form. */
	void write(long offerId, EditableField field, String text) {
		if (field == EditableField.ZONE_COMMUNES) {
			jdbc.update("DELETE FROM offer_zone_commune WHERE offer_id = :id", Map.of("id", offerId));
			List<Map<String, Object>> rows = new ArrayList<>();
			field.communeList(text).forEach(c -> rows.add(Map.of("id", offerId, "code", c)));
			if (!rows.isEmpty()) {
				jdbc.batchUpdate("INSERT INTO offer_zone_commune (offer_id, commune_code) VALUES (:id, :code)",
						rows.stream()
							.map(r -> new org.springframework.jdbc.core.namedparam.MapSqlParameterSource(r))
							.toArray(org.springframework.jdbc.core.namedparam.SqlParameterSource[]::new));
			}
			return;
		}
		jdbc.getJdbcTemplate()
			.update("UPDATE offer SET " + field.assignment() + " WHERE id = ?", field.sqlValue(text), offerId);
		if (field == EditableField.LOCATION) {
			// a moved offer belongs to the commune it now stands in (when the store has
			// it)
			jdbc.getJdbcTemplate()
				.update("UPDATE offer SET commune_code = COALESCE((SELECT c.code FROM commune c WHERE c.geom &&"
						+ " offer.geom AND ST_Contains(c.geom, offer.geom) FETCH FIRST 1 ROWS ONLY), commune_code)"
						+ " WHERE id = ?", offerId);
		}
	}

	private static String wkt(ResultSet rs, String column) throws SQLException {
		Geometry g = Geo.fromWkb(rs.getBytes(column));
		return g == null ? null : new WKTWriter(2).write(g);
	}

}
