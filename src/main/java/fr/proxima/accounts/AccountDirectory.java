package fr.proxima.accounts;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import fr.proxima.shared.InvalidInputException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Looks up users for other modules: e-mails of user ids (to show who owns or shares a
 * scenario) and planners by e-mail (to share a scenario with them).
 */
@Service
public class AccountDirectory {

	private final NamedParameterJdbcTemplate jdbc;

	AccountDirectory(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** User id → e-mail, in one query. */
	public Map<Long, String> emails(Collection<Long> userIds) {
		Map<Long, String> emails = new HashMap<>();
		if (!userIds.isEmpty()) {
			jdbc.query("SELECT id, email FROM app_user WHERE id IN (:ids)", Map.of("ids", userIds),
					(org.springframework.jdbc.core.RowCallbackHandler) rs -> {
						emails.put(rs.getLong(1), rs.getString(2));
					});
		}
		return emails;
	}

	/**
	 * Ids of the enabled planners with these e-mails, in one query; an e-mail that names
	 * no planner is a 400.
	 */
	public List<Long> plannerIds(Collection<String> emails) {
		if (emails.isEmpty()) {
			return List.of();
		}
		List<String> wanted = emails.stream().map(e -> e == null ? "" : e.trim().toLowerCase(Locale.ROOT)).toList();
		Map<String, Long> found = new HashMap<>();
		jdbc.query(
				"SELECT u.email, u.id FROM app_user u JOIN app_user_role r ON r.user_id = u.id"
						+ " WHERE u.enabled AND r.role IN ('PLANNER', 'ADMIN') AND u.email IN (:emails)",
				Map.of("emails", wanted), (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
					found.put(rs.getString(1), rs.getLong(2));
				});
		List<String> unknown = wanted.stream().filter(e -> !found.containsKey(e)).distinct().toList();
		if (!unknown.isEmpty()) {
			throw new InvalidInputException("Not planners: " + unknown.stream().collect(Collectors.joining(", ")));
		}
		return wanted.stream().map(found::get).distinct().toList();
	}

}
