package fr.proxima.shared;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The JDBC access of the read API: named bind parameters only, and every statement
 * carries the configured query timeout ({@code proxima.api.query-timeout}). Kept apart
 * from Boot's own {@code JdbcTemplate} so that imports are not cut short by the API's
 * timeout.
 */
@Component
public class ReadSql {

	private final NamedParameterJdbcTemplate jdbc;

	ReadSql(DataSource dataSource, ApiSettings settings) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setQueryTimeout((int) Math.max(1, settings.queryTimeout().toSeconds()));
		this.jdbc = new NamedParameterJdbcTemplate(template);
	}

	public NamedParameterJdbcTemplate jdbc() {
		return jdbc;
	}

}
