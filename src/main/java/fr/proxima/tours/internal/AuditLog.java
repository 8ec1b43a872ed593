package fr.proxima.tours.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import fr.proxima.accounts.Actor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trail of every read of tour data (who, when, which tour, which kind of read) and of
 * every refused attempt. Written in its own transaction so that a read that fails later
 * still leaves its line.
 */
@Repository
public class AuditLog {

	private final NamedParameterJdbcTemplate jdbc;

	public AuditLog(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One line of the trail; {@code tourId} null for a read of the whole organisation.
	 */
	public record Entry(long id, long organisationId, Long tourId, Long userId, String actor, String action,
			OffsetDateTime at) {
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(long organisationId, Collection<Long> tourIds, Actor actor, String action) {
		OffsetDateTime now = OffsetDateTime.now();
		List<MapSqlParameterSource> rows = (tourIds.isEmpty() ? java.util.Collections.<Long>singletonList(null)
				: List.copyOf(tourIds))
			.stream()
			.map(id -> new MapSqlParameterSource("org", organisationId).addValue("tour", id)
				.addValue("user", actor.userId())
				.addValue("actor", actor.name())
				.addValue("action", action)
				.addValue("at", now))
			.toList();
		jdbc.batchUpdate(
				"INSERT INTO tour_audit (organisation_id, tour_id, user_id, actor, action, at)"
						+ " VALUES (:org, :tour, :user, :actor, :action, :at)",
				rows.toArray(MapSqlParameterSource[]::new));
	}

	public List<Entry> list(long organisationId, Long tourId, int limit, long offset) {
		MapSqlParameterSource p = new MapSqlParameterSource("org", organisationId).addValue("tour", tourId)
			.addValue("limit", limit)
			.addValue("offset", offset);
		return jdbc
			.query("SELECT * FROM tour_audit WHERE organisation_id = :org"
					+ (tourId == null ? "" : " AND tour_id = :tour") + " ORDER BY id DESC LIMIT :limit OFFSET :offset",
					p,
					(rs, i) -> new Entry(rs.getLong("id"), rs.getLong("organisation_id"),
							(Long) rs.getObject("tour_id", Long.class), (Long) rs.getObject("user_id", Long.class),
							rs.getString("actor"), rs.getString("action"), rs.getObject("at", OffsetDateTime.class)));
	}

	public long count(long organisationId, Long tourId) {
		Long n = jdbc.queryForObject(
				"SELECT COUNT(*) FROM tour_audit WHERE organisation_id = :org"
						+ (tourId == null ? "" : " AND tour_id = :tour"),
				new MapSqlParameterSource("org", organisationId).addValue("tour", tourId), Long.class);
		return n == null ? 0 : n;
	}

}
