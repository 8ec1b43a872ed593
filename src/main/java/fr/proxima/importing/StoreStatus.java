package fr.proxima.importing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * How much the store holds; the first start and the home page use it to tell an empty
 * store from a filled one.
 */
@Service
public class StoreStatus {

	/** Row counts of the main tables. */
	public record Counts(long departements, long communes, long population, long organisations, long offers) {

		public boolean empty() {
			return communes == 0 && offers == 0;
		}

	}

	private final JdbcTemplate jdbc;

	StoreStatus(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Counts counts() {
		return new Counts(count("departement"), count("commune"), count("population"), count("organisation"),
				count("offer"));
	}

	private long count(String table) {
		// table names come from the fixed list above, never from input
		return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
	}

}
