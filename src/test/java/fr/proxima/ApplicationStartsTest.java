package fr.proxima;

import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

// issue 2: the schema migrates and validates on both databases, with working spatial functions
class ApplicationStartsTest {

	abstract static class Contract {

		@Autowired
		JdbcTemplate jdbc;

		@Test
		void schemaIsMigratedAndSpatialFunctionsWork() {
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offer", Integer.class)).isNotNull();
			Double metres = jdbc.queryForObject(
					"SELECT ST_DistanceSphere(ST_GeomFromText('POINT(3.5 44.5)', 4326), ST_GeomFromText('POINT(3.5 44.6)', 4326))",
					Double.class);
			assertThat(metres).isBetween(11_000.0, 11_200.0);
		}

	}

	@Nested
	@SpringBootTest
	@H2Test
	class OnH2 extends Contract {

	}

	@Nested
	@SpringBootTest
	@PostgisTest
	class OnPostgis extends Contract {

	}

}
