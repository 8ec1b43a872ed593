package fr.proxima.tours.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.proxima.tours.CareType;
import fr.proxima.tours.Tour;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The tour tables ({@code tour}, {@code tour_visit}): plain SQL with bind parameters, the
 * same on H2GIS and PostGIS. No access rule lives here: callers are the services of the
 * tours module, which check the actor first.
 */
@Repository
public class TourStore {

	private final NamedParameterJdbcTemplate jdbc;

	public TourStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public boolean organisationExists(long organisationId) {
		return count("SELECT COUNT(*) FROM organisation WHERE id = :id",
				new MapSqlParameterSource("id", organisationId)) > 0;
	}

	/**
	 * The service's premises: the location of one of the organisation's offers, home-care
	 * services first.
	 */
	public Optional<double[]> premises(long organisationId) {
		List<double[]> found = jdbc.query(
				"SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat FROM offer"
						+ " WHERE organisation_id = :id AND geom IS NOT NULL"
						+ " ORDER BY CASE WHEN family IN ('ssiad', 'saad', 'spasad') THEN 0 ELSE 1 END, id",
				new MapSqlParameterSource("id", organisationId),
				(rs, i) -> new double[] { rs.getDouble("lon"), rs.getDouble("lat") });
		return found.stream().findFirst();
	}

	/** INSEE code and département of the commune a point lies in. */
	public Optional<String[]> commune(double lon, double lat) {
		MapSqlParameterSource p = new MapSqlParameterSource("wkt", "POINT(" + lon + " " + lat + ")");
		List<String[]> found = jdbc.query(
				"SELECT code, departement_code FROM commune WHERE geom && ST_GeomFromText(:wkt, 4326)"
						+ " AND ST_Contains(geom, ST_GeomFromText(:wkt, 4326)) ORDER BY code",
				p, (rs, i) -> new String[] { rs.getString(1), rs.getString(2) });
		return found.stream().findFirst();
	}

	public long insert(Tour t) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		OffsetDateTime now = OffsetDateTime.now();
		jdbc.update(
				"INSERT INTO tour (organisation_id, tour_date, caregiver, start_minute, start_lon, start_lat,"
						+ " end_lon, end_lat, created_at, updated_at) VALUES (:org, :date, :caregiver, :startMinute,"
						+ " :startLon, :startLat, :endLon, :endLat, :now, :now)",
				tourParams(t).addValue("now", now), key, new String[] { "id" });
		long id = key.getKey().longValue();
		insertVisits(id, t.visits());
		return id;
	}

	public void update(long id, Tour t) {
		jdbc.update(
				"UPDATE tour SET tour_date = :date, caregiver = :caregiver, start_minute = :startMinute,"
						+ " start_lon = :startLon, start_lat = :startLat, end_lon = :endLon, end_lat = :endLat,"
						+ " drive_seconds = NULL, drive_metres = NULL, method = NULL, updated_at = :now WHERE id = :id",
				tourParams(t).addValue("id", id).addValue("now", OffsetDateTime.now()));
		jdbc.update("DELETE FROM tour_visit WHERE tour_id = :id", new MapSqlParameterSource("id", id));
		insertVisits(id, t.visits());
	}

	/** Deletes the tour and (by cascade) its visits; false when there was none. */
	public boolean delete(long id) {
		jdbc.update("DELETE FROM tour_visit WHERE tour_id = :id", new MapSqlParameterSource("id", id));
		return jdbc.update("DELETE FROM tour WHERE id = :id", new MapSqlParameterSource("id", id)) > 0;
	}

	/** The owning organisation of a tour, without reading any of its data. */
	public Optional<Long> owner(long id) {
		return jdbc
			.query("SELECT organisation_id FROM tour WHERE id = :id", new MapSqlParameterSource("id", id),
					(rs, i) -> rs.getLong(1))
			.stream()
			.findFirst();
	}

	public Optional<Tour> find(long id) {
		List<Tour> tours = tours("WHERE t.id = :id", new MapSqlParameterSource("id", id));
		return tours.stream().findFirst();
	}

	/** The organisation's tours, of one day or all, by date then caregiver. */
	public List<Tour> list(long organisationId, LocalDate date) {
		MapSqlParameterSource p = new MapSqlParameterSource("org", organisationId).addValue("date", date);
		return tours("WHERE t.organisation_id = :org" + (date == null ? "" : " AND t.tour_date = :date"), p);
	}

	/** Stores the totals and the drive into each visit of the last computation. */
	public void saveComputation(long id, Timeline.Schedule s, String method) {
		jdbc.update("UPDATE tour SET drive_seconds = :drive, drive_metres = :metres, method = :method WHERE id = :id",
				new MapSqlParameterSource("id", id).addValue("drive", s.driveSeconds())
					.addValue("metres", s.driveMetres())
					.addValue("method", method));
		List<MapSqlParameterSource> rows = new ArrayList<>();
		for (int i = 0; i < s.visits().size(); i++) {
			double in = s.legs().get(i).seconds() + (i == s.visits().size() - 1 ? s.legs().get(i + 1).seconds() : 0);
			rows.add(new MapSqlParameterSource("id", id).addValue("pos", i).addValue("drive", in));
		}
		jdbc.batchUpdate("UPDATE tour_visit SET drive_in_seconds = :drive WHERE tour_id = :id AND position = :pos",
				rows.toArray(MapSqlParameterSource[]::new));
	}

	private List<Tour> tours(String where, MapSqlParameterSource p) {
		List<Tour> heads = jdbc.query("SELECT * FROM tour t " + where + " ORDER BY t.tour_date, t.caregiver, t.id", p,
				(rs, i) -> head(rs));
		if (heads.isEmpty()) {
			return heads;
		}
		Map<Long, List<Tour.Visit>> visits = new HashMap<>();
		jdbc.query("SELECT * FROM tour_visit WHERE tour_id IN (:ids) ORDER BY tour_id, position",
				new MapSqlParameterSource("ids", heads.stream().map(Tour::id).toList()),
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> visits
					.computeIfAbsent(rs.getLong("tour_id"), k -> new ArrayList<>())
					.add(visit(rs)));
		return heads.stream().map(t -> t.withVisits(visits.getOrDefault(t.id(), List.of()))).toList();
	}

	private static Tour head(ResultSet rs) throws SQLException {
		return new Tour(rs.getLong("id"), rs.getLong("organisation_id"), rs.getObject("tour_date", LocalDate.class),
				rs.getString("caregiver"), rs.getInt("start_minute"), rs.getDouble("start_lon"),
				rs.getDouble("start_lat"), rs.getDouble("end_lon"), rs.getDouble("end_lat"), List.of());
	}

	private static Tour.Visit visit(ResultSet rs) throws SQLException {
		return new Tour.Visit(rs.getDouble("lon"), rs.getDouble("lat"), rs.getString("commune_code"),
				rs.getInt("window_start"), rs.getInt("window_end"), rs.getInt("duration_minutes"),
				CareType.valueOf(rs.getString("care_type")));
	}

	private void insertVisits(long id, List<Tour.Visit> visits) {
		List<MapSqlParameterSource> rows = new ArrayList<>();
		for (int i = 0; i < visits.size(); i++) {
			Tour.Visit v = visits.get(i);
			rows.add(new MapSqlParameterSource("id", id).addValue("pos", i)
				.addValue("lon", v.lon())
				.addValue("lat", v.lat())
				.addValue("commune", v.communeCode())
				.addValue("from", v.windowStart())
				.addValue("to", v.windowEnd())
				.addValue("duration", v.durationMinutes())
				.addValue("care", v.careType().name()));
		}
		jdbc.batchUpdate("INSERT INTO tour_visit (tour_id, position, lon, lat, commune_code, window_start, window_end,"
				+ " duration_minutes, care_type) VALUES (:id, :pos, :lon, :lat, :commune, :from, :to, :duration, :care)",
				rows.toArray(MapSqlParameterSource[]::new));
	}

	private static MapSqlParameterSource tourParams(Tour t) {
		return new MapSqlParameterSource("org", t.organisationId()).addValue("date", t.date())
			.addValue("caregiver", t.caregiver())
			.addValue("startMinute", t.startMinute())
			.addValue("startLon", t.startLon())
			.addValue("startLat", t.startLat())
			.addValue("endLon", t.endLon())
			.addValue("endLat", t.endLat());
	}

	private long count(String sql, MapSqlParameterSource p) {
		Long n = jdbc.queryForObject(sql, p, Long.class);
		return n == null ? 0 : n;
	}

}
