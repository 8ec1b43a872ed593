package fr.proxima.accounts.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Personal API tokens and one-time setup links; only the SHA-256 of their secret is
 * stored.
 */
@Repository
public class Tokens {

	/** A token as its owner (or an admin) sees it: never its secret. */
	public record TokenRow(long id, long userId, String name, String prefix, OffsetDateTime createdAt,
			OffsetDateTime expiresAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {

		public boolean live(OffsetDateTime now) {
			return revokedAt == null && expiresAt.isAfter(now);
		}

	}

	private static final String COLUMNS = "id, user_id, name, prefix, created_at, expires_at, last_used_at, revoked_at";

	private final JdbcTemplate jdbc;

	Tokens(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long userId, String name, String hash, String prefix, OffsetDateTime expiresAt) {
		jdbc.update("INSERT INTO api_token (user_id, name, token_hash, prefix, created_at, expires_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?)", userId, name, hash, prefix, OffsetDateTime.now(), expiresAt);
		return jdbc.queryForObject("SELECT id FROM api_token WHERE token_hash = ?", Long.class, hash);
	}

	public List<TokenRow> ofUser(long userId) {
		return jdbc.query("SELECT " + COLUMNS + " FROM api_token WHERE user_id = ? ORDER BY created_at DESC, id DESC",
				(rs, i) -> row(rs), userId);
	}

	public Optional<TokenRow> byId(long id) {
		return jdbc.query("SELECT " + COLUMNS + " FROM api_token WHERE id = ?", (rs, i) -> row(rs), id)
			.stream()
			.findFirst();
	}

	/**
	 * The owner of a live token (not revoked, not expired) whose owner is enabled; marks
	 * it used.
	 */
	public Optional<Long> liveOwner(String hash) {
		OffsetDateTime now = OffsetDateTime.now();
		List<Long> owner = jdbc
			.queryForList("SELECT t.user_id FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = ?"
					+ " AND t.revoked_at IS NULL AND t.expires_at > ? AND u.enabled", Long.class, hash, now);
		if (owner.isEmpty()) {
			return Optional.empty();
		}
		jdbc.update("UPDATE api_token SET last_used_at = ? WHERE token_hash = ?", now, hash);
		return Optional.of(owner.get(0));
	}

	public long liveCount(long userId) {
		return jdbc.queryForObject(
				"SELECT COUNT(*) FROM api_token WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?",
				Long.class, userId, OffsetDateTime.now());
	}

	public void revoke(long id) {
		jdbc.update("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", OffsetDateTime.now(),
				id);
	}

	public void insertLink(long userId, String hash, OffsetDateTime expiresAt) {
		jdbc.update("INSERT INTO account_link (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)", hash,
				userId, OffsetDateTime.now(), expiresAt);
	}

	/** Uses a live setup link once; returns its user. */
	public Optional<Long> consumeLink(String hash) {
		OffsetDateTime now = OffsetDateTime.now();
		List<Long> user = jdbc.queryForList(
				"SELECT user_id FROM account_link WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
				Long.class, hash, now);
		if (user.isEmpty() || jdbc
			.update("UPDATE account_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL", now, hash) != 1) {
			return Optional.empty();
		}
		return Optional.of(user.get(0));
	}

	private static TokenRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new TokenRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class),
				rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class));
	}

}
