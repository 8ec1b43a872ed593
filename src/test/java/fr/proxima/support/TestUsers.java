package fr.proxima.support;

import java.time.OffsetDateTime;
import java.util.List;

import fr.proxima.accounts.Role;
import fr.proxima.accounts.internal.Secrets;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Real users and real personal API tokens for tests, written straight into the store: a
 * request sent {@link #as} one carries {@code Authorization: Bearer …} and goes through
 * the whole security chain.
 */
public final class TestUsers {

	private TestUsers() {
	}

	/**
	 * The id of the user (created when missing) after giving it these roles and
	 * organisations.
	 */
	public static long user(JdbcTemplate jdbc, String email, List<Long> organisations, Role... roles) {
		List<Long> ids = jdbc.queryForList("SELECT id FROM app_user WHERE email = ?", Long.class, email);
		long id;
		if (ids.isEmpty()) {
			jdbc.update("INSERT INTO app_user (email, enabled, created_at) VALUES (?, TRUE, ?)", email,
					OffsetDateTime.now());
			id = jdbc.queryForObject("SELECT id FROM app_user WHERE email = ?", Long.class, email);
		}
		else {
			id = ids.get(0);
		}
		jdbc.update("DELETE FROM app_user_role WHERE user_id = ?", id);
		for (Role r : roles) {
			jdbc.update("INSERT INTO app_user_role (user_id, role) VALUES (?, ?)", id, r.name());
		}
		jdbc.update("DELETE FROM organisation_member WHERE user_id = ?", id);
		for (Long o : organisations) {
			jdbc.update("INSERT INTO organisation_member (user_id, organisation_id) VALUES (?, ?)", id, o);
		}
		return id;
	}

	/** A fresh live token of the user. */
	public static String token(JdbcTemplate jdbc, long userId) {
		String secret = Secrets.TOKEN_PREFIX + Secrets.newSecret();
		jdbc.update(
				"INSERT INTO api_token (user_id, name, token_hash, prefix, created_at, expires_at)"
						+ " VALUES (?, 'test', ?, 'pxm_test', ?, ?)",
				userId, Secrets.sha256(secret), OffsetDateTime.now(), OffsetDateTime.now().plusDays(1));
		return secret;
	}

	public static RequestPostProcessor bearer(String token) {
		return request -> {
			request.addHeader("Authorization", "Bearer " + token);
			return request;
		};
	}

	/** Requests sent by that user (created or updated), with a fresh token. */
	public static RequestPostProcessor as(JdbcTemplate jdbc, String email, List<Long> organisations, Role... roles) {
		return bearer(token(jdbc, user(jdbc, email, organisations, roles)));
	}

	public static RequestPostProcessor planner(JdbcTemplate jdbc) {
		return as(jdbc, "planner@test.proxima.fr", List.of(), Role.PLANNER);
	}

}
