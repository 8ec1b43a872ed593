package fr.proxima.shared;

import java.util.Map;

import fr.proxima.support.H2Test;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

// issue 2: H2 keeps a statement's query timeout on its session, so the read API's timeout used to follow a pooled
// connection into imports and the travel-time refresh (which then failed after 5 s). PostgreSQL times each statement
// on its own, so this is an H2 test only.
@SpringBootTest
@H2Test
@TestPropertySource(properties = "proxima.api.query-timeout=3s")
class ReadSqlTimeoutTest {

	@Autowired
	ReadSql readSql;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void theReadApiTimeoutDoesNotStayOnThePooledConnection() {
		// one transaction: the read query and the next statement share a connection,
		// hence an H2 session
		int after = tx.execute(status -> {
			readSql.jdbc().queryForObject("SELECT COUNT(*) FROM offer", Map.of(), Long.class);
			return sessionQueryTimeout();
		});
		assertThat(after).isZero();
	}

	@Test
	void readQueriesStillCarryTheirTimeout() {
		assertThat(readSql.jdbc()
			.queryForObject(
					"SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'",
					Map.of(), String.class))
			.isEqualTo("3000");
	}

	private int sessionQueryTimeout() {
		return Integer.parseInt(jdbc.queryForObject(
				"SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'",
				String.class));
	}

}
