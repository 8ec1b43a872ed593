package fr.proxima.accounts.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.proxima.accounts.Actor;
import fr.proxima.accounts.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The users, their roles and organisations, in plain SQL. */
@Repository
public class Users {

	/** A user as the admin API lists it. */
	public record UserRow(long id, String email, String displayName, boolean enabled, boolean hasPassword,
			OffsetDateTime createdAt, List<String> roles, List<Long> organisations) {
	}

	/** What sign-in needs. */
	public record Login(long id, String email, String passwordHash, boolean enabled) {
	}

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	Users(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	/** The enabled user as an actor, or null when it is unknown or disabled. */
	public Actor actor(long id) {
		List<String> email = jdbc.queryForList("SELECT email FROM app_user WHERE id = ? AND enabled", String.class, id);
		if (email.isEmpty()) {
			return null;
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		jdbc.queryForList("SELECT role FROM app_user_role WHERE user_id = ?", String.class, id)
			.forEach(r -> roles.add(Role.valueOf(r)));
		Set<Long> organisations = new HashSet<>(
				jdbc.queryForList("SELECT organisation_id FROM organisation_member WHERE user_id = ?", Long.class, id));
		return new Actor(id, email.get(0), roles, organisations);
	}

	public Optional<Login> login(String email) {
		return jdbc
			.query("SELECT id, email, password_hash, enabled FROM app_user WHERE email = ?",
					(rs, i) -> new Login(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
					Emails.normalise(email))
			.stream()
			.findFirst();
	}

	public Optional<Login> login(long id) {
		return jdbc
			.query("SELECT id, email, password_hash, enabled FROM app_user WHERE id = ?",
					(rs, i) -> new Login(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)), id)
			.stream()
			.findFirst();
	}

	public long create(String email, String displayName, String passwordHash) {
		KeyHolder key = new GeneratedKeyHolder();
		OffsetDateTime now = OffsetDateTime.now();
		jdbc.update(c -> {
			var ps = c.prepareStatement("INSERT INTO app_user (email, display_name, password_hash, enabled, created_at,"
					+ " password_changed_at) VALUES (?, ?, ?, TRUE, ?, ?)", new String[] { "id" });
			ps.setString(1, Emails.normalise(email));
			ps.setString(2, displayName);
			ps.setString(3, passwordHash);
			ps.setObject(4, now);
			ps.setObject(5, passwordHash == null ? null : now);
			return ps;
		}, key);
		return key.getKey().longValue();
	}

	public void setRoles(long id, Collection<Role> roles) {
		jdbc.update("DELETE FROM app_user_role WHERE user_id = ?", id);
		jdbc.batchUpdate("INSERT INTO app_user_role (user_id, role) VALUES (?, ?)",
				roles.stream().distinct().map(r -> new Object[] { id, r.name() }).toList());
	}

	public void setOrganisations(long id, Collection<Long> organisations) {
		jdbc.update("DELETE FROM organisation_member WHERE user_id = ?", id);
		jdbc.batchUpdate("INSERT INTO organisation_member (user_id, organisation_id) VALUES (?, ?)",
				organisations.stream().distinct().map(o -> new Object[] { id, o }).toList());
	}

	public void setEnabled(long id, boolean enabled) {
		jdbc.update("UPDATE app_user SET enabled = ? WHERE id = ?", enabled, id);
	}

	public void setDisplayName(long id, String displayName) {
		jdbc.update("UPDATE app_user SET display_name = ? WHERE id = ?", displayName, id);
	}

	public void setPassword(long id, String hash) {
		jdbc.update("UPDATE app_user SET password_hash = ?, password_changed_at = ? WHERE id = ?", hash,
				OffsetDateTime.now(), id);
	}

	public boolean anyEnabledAdmin() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM app_user u JOIN app_user_role r ON r.user_id = u.id"
				+ " WHERE r.role = 'ADMIN' AND u.enabled", Long.class) > 0;
	}

	public List<Long> unknownOrganisations(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Set<Long> known = new HashSet<>(
				named.queryForList("SELECT id FROM organisation WHERE id IN (:ids)", Map.of("ids", ids), Long.class));
		return ids.stream().filter(id -> !known.contains(id)).distinct().toList();
	}

	public long count(String search) {
		return named.queryForObject("SELECT COUNT(*) FROM app_user WHERE LOWER(email) LIKE :q",
				Map.of("q", like(search)), Long.class);
	}

	/**
	 * One page of users by e-mail, with their roles and organisations: three queries,
	 * whatever the page size.
	 */
	public List<UserRow> page(String search, int limit, int offset) {
		Map<Long, Object[]> base = new LinkedHashMap<>();
		named.query(
				"SELECT id, email, display_name, enabled, password_hash IS NOT NULL, created_at FROM app_user"
						+ " WHERE LOWER(email) LIKE :q ORDER BY email LIMIT :limit OFFSET :offset",
				Map.of("q", like(search), "limit", limit, "offset", offset), rs -> {
					base.put(rs.getLong(1), new Object[] { rs.getString(2), rs.getString(3), rs.getBoolean(4),
							rs.getBoolean(5), rs.getObject(6, OffsetDateTime.class) });
				});
		return rows(base);
	}

	public Optional<UserRow> row(long id) {
		Map<Long, Object[]> base = new LinkedHashMap<>();
		jdbc.query("SELECT id, email, display_name, enabled, password_hash IS NOT NULL, created_at FROM app_user"
				+ " WHERE id = ?", (RowCallbackHandler) rs -> {
					base.put(rs.getLong(1), new Object[] { rs.getString(2), rs.getString(3), rs.getBoolean(4),
							rs.getBoolean(5), rs.getObject(6, OffsetDateTime.class) });
				}, id);
		return rows(base).stream().findFirst();
	}

	private List<UserRow> rows(Map<Long, Object[]> base) {
		if (base.isEmpty()) {
			return List.of();
		}
		Map<Long, List<String>> roles = new HashMap<>();
		Map<Long, List<Long>> organisations = new HashMap<>();
		Map<String, Object> ids = Map.of("ids", base.keySet());
		named.query("SELECT user_id, role FROM app_user_role WHERE user_id IN (:ids) ORDER BY role", ids, rs -> {
			roles.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
		});
		named.query("SELECT user_id, organisation_id FROM organisation_member WHERE user_id IN (:ids)"
				+ " ORDER BY organisation_id", ids, (RowCallbackHandler) rs -> {
					organisations.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
				});
		List<UserRow> out = new ArrayList<>();
		base.forEach((id, v) -> out.add(new UserRow(id, (String) v[0], (String) v[1], (Boolean) v[2], (Boolean) v[3],
				(OffsetDateTime) v[4], roles.getOrDefault(id, List.of()), organisations.getOrDefault(id, List.of()))));
		return out;
	}

	private static String like(String search) {
		return "%" + (search == null ? "" : search.trim().toLowerCase().replace("%", "").replace("_", "")) + "%";
	}

}
