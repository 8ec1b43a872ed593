package fr.proxima.importing;

import java.util.ArrayList;
import java.util.List;

import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import fr.proxima.support.SharedData;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import time of Lozère + neighbours ({@code ../shared/data}) on each database: the first
 * import into an empty store, then re-imports of the same folder (updates only). Target:
 * ≤ 10 s. Run with
 * {@code ./mvnw -B test -Dtest='*Bench' -Dsurefire.failIfNoSpecifiedTests=false}.
 */
// issue 2
class ImportBench {

	static final int REIMPORTS = 3;

	abstract static class Bench {

		@Autowired
		ImportService imports;

		@Autowired
		JdbcTemplate jdbc;

		abstract String database();

		@Test
		void importLozereAndNeighbours() {
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offer", Long.class)).as("empty store").isZero();
			DirectoryImportReport first = imports.importDirectory(SharedData.root());
			assertThat(first.status()).isEqualTo(ImportReport.Status.SUCCEEDED);
			List<Long> again = new ArrayList<>();
			for (int i = 0; i < REIMPORTS; i++) {
				DirectoryImportReport r = imports.importDirectory(SharedData.root());
				assertThat(r.status()).isEqualTo(ImportReport.Status.SUCCEEDED);
				again.add(r.millis());
			}
			System.out.printf("%nImportBench [%s] Lozère + neighbours: first import %,d ms (target ≤ 10,000 ms),"
					+ " re-imports %s ms%n", database(), first.millis(), again);
			first.steps()
				.forEach(s -> System.out.printf("  %-15s %,6d ms  %,6d read%n", s.getKind(), s.getMillis(),
						s.getRead()));
			System.out.printf("  checks: communes in 48 = %d (152), population 48 = %d (76,486), 75+ = %d (10,027),"
					+ " FINESS in 48 = %d (274), EHPAD 48 = %d (28) with %d places (1,557), neighbours = %d (4,414)%n%n",
					count("SELECT COUNT(*) FROM commune WHERE departement_code = '48' AND cog_year = 2026"),
					count("SELECT SUM(total) FROM population WHERE commune_code LIKE '48%'"),
					count("SELECT SUM(aged_75_plus) FROM population WHERE commune_code LIKE '48%'"),
					count("SELECT COUNT(*) FROM offer WHERE finess_et LIKE '48%'"),
					count("SELECT COUNT(*) FROM offer WHERE family = 'ehpad' AND finess_et LIKE '48%'"),
					count("SELECT SUM(capacity) FROM offer WHERE family = 'ehpad' AND finess_et LIKE '48%'"),
					count("SELECT COUNT(*) FROM offer WHERE SUBSTRING(finess_et, 1, 2) IN ('07','12','15','30','34','43')"));
		}

		long count(String sql) {
			return jdbc.queryForObject(sql, Long.class);
		}

	}

	@Nested
	@SpringBootTest
	@H2Test
	@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:proxima-import-bench;DB_CLOSE_DELAY=-1")
	class OnH2 extends Bench {

		@Override
		String database() {
			return "H2GIS";
		}

	}

	@Nested
	@SpringBootTest
	@PostgisTest
	class OnPostgis extends Bench {

		@Override
		String database() {
			return "PostGIS";
		}

	}

}
