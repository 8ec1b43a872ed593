package fr.proxima.tours.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Per-commune sums of the stored tours over a period, before any suppression: callers
 * must pass them through {@link Suppression} before they leave the module.
 */
@Repository
public class AggregateQueries {

	private final NamedParameterJdbcTemplate jdbc;

	public AggregateQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One commune: visits, seconds driven to reach them (the return leg counts with the
	 * last visit), minutes of care, distinct tours.
	 */
	public record Sums(String code, String name, long visits, double driveSeconds, double careMinutes, long tours) {
	}

	/** Every commune of the départements, with zeros where no visit lies. */
	public List<Sums> communes(List<String> departements, LocalDate from, LocalDate to) {
		return jdbc.query(
				"SELECT c.code, c.name, COALESCE(s.visits, 0) AS visits, COALESCE(s.drive, 0) AS drive,"
						+ " COALESCE(s.care, 0) AS care, COALESCE(s.tours, 0) AS tours FROM commune c LEFT JOIN ("
						+ " SELECT v.commune_code, COUNT(*) AS visits, SUM(COALESCE(v.drive_in_seconds, 0)) AS drive,"
						+ " SUM(v.duration_minutes) AS care, COUNT(DISTINCT v.tour_id) AS tours"
						+ " FROM tour_visit v JOIN tour t ON t.id = v.tour_id WHERE t.tour_date BETWEEN :from AND :to"
						+ " GROUP BY v.commune_code) s ON s.commune_code = c.code"
						+ " WHERE c.departement_code IN (:deps) ORDER BY c.code",
				params(departements, from, to), (rs, i) -> new Sums(rs.getString("code"), rs.getString("name"),
						rs.getLong("visits"), rs.getDouble("drive"), rs.getDouble("care"), rs.getLong("tours")));
	}

	/** Distinct tours with a visit in the départements (not the sum of the communes'). */
	public long tours(List<String> departements, LocalDate from, LocalDate to) {
		Long n = jdbc.queryForObject(
				"SELECT COUNT(DISTINCT v.tour_id) FROM tour_visit v JOIN tour t"
						+ " ON t.id = v.tour_id JOIN commune c ON c.code = v.commune_code"
						+ " WHERE t.tour_date BETWEEN :from AND :to AND c.departement_code IN (:deps)",
				params(departements, from, to), Long.class);
		return n == null ? 0 : n;
	}

	private static MapSqlParameterSource params(List<String> departements, LocalDate from, LocalDate to) {
		return new MapSqlParameterSource("deps", departements).addValue("from", from).addValue("to", to);
	}

}
