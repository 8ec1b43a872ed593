package fr.proxima.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.proxima.shared.OffersChanged;
import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import fr.proxima.support.SharedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

// issue 2: importing ../shared/data lands the "Done when" counts, on H2GIS and on PostGIS, and a re-import changes none
class ImportSharedDataTest {

	@RecordApplicationEvents
	abstract static class Contract {

		@Autowired
		ImportService imports;

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		ApplicationEvents events;

		/** The first import of the shared folder, per database. */
		static final Map<Class<?>, DirectoryImportReport> firstImport = new HashMap<>();

		@BeforeEach
		void importSharedDataOnce() {
			firstImport.computeIfAbsent(getClass(), c -> {
				DirectoryImportReport report = imports.importDirectory(SharedData.root());
				assertThat(report.status()).as(report.toString()).isEqualTo(ImportReport.Status.SUCCEEDED);
				return report;
			});
		}

		long count(String sql, Object... args) {
			return jdbc.queryForObject(sql, Long.class, args);
		}

		@Test
		void lozereHas152CommunesWithCog2026Codes() {
			assertThat(count("SELECT COUNT(*) FROM commune WHERE departement_code = '48'")).isEqualTo(152);
			assertThat(count("SELECT COUNT(*) FROM commune WHERE departement_code = '48' AND cog_year = 2026"))
				.isEqualTo(152);
			// merged on 1 January 2019: the 2018 codes are gone, the commune nouvelle
			// holds their territory
			assertThat(count(
					"SELECT COUNT(*) FROM commune WHERE code IN ('48057', '48133', '48189', '48197', '48184', '48078')"))
				.isZero();
			assertThat(jdbc.queryForObject("SELECT name FROM commune WHERE code = '48127'", String.class))
				.isEqualTo("Monts-de-Randon");
			// every Lozère commune has population, and every representative point lies
			// inside its commune
			assertThat(count("SELECT COUNT(*) FROM commune c JOIN population p ON p.commune_code = c.code"
					+ " WHERE c.departement_code = '48'"))
				.isEqualTo(152);
			assertThat(count("SELECT COUNT(*) FROM commune WHERE NOT ST_Contains(geom, rep_point)")).isZero();
		}

		@Test
		void lozerePopulationTotals() {
			Map<String, Object> sums = jdbc.queryForMap("SELECT SUM(total) AS total, SUM(aged_75_plus) AS aged75,"
					+ " MIN(census_year) AS y0, MAX(census_year) AS y1 FROM population WHERE commune_code LIKE '48%'");
			assertThat(((Number) sums.get("total")).longValue()).isEqualTo(76_486);
			assertThat(((Number) sums.get("aged75")).longValue()).isEqualTo(10_027);
			assertThat(((Number) sums.get("y0")).intValue()).isEqualTo(2023);
			assertThat(((Number) sums.get("y1")).intValue()).isEqualTo(2023);
		}

		@Test
		void lozereHas274FinessEstablishmentsInsideItsPolygon() {
			assertThat(count("SELECT COUNT(*) FROM offer WHERE finess_et LIKE '48%' AND source_name = 'FINESS'"))
				.isEqualTo(274);
			// no outlier: every Lozère establishment lies inside the département polygon
			assertThat(jdbc.queryForList("SELECT o.finess_et FROM offer o, departement d WHERE d.code = '48'"
					+ " AND o.finess_et LIKE '48%' AND NOT ST_Contains(d.geom, o.geom)", String.class))
				.isEmpty();
			// and in a Lozère commune found by point-in-polygon
			assertThat(count("SELECT COUNT(*) FROM offer WHERE finess_et LIKE '48%' AND commune_code LIKE '48%'"))
				.isEqualTo(274);
		}

		@Test
		void lozereHas28EhpadWith1557Places() {
			Map<String, Object> ehpad = jdbc.queryForMap("SELECT COUNT(*) AS n, SUM(capacity) AS places FROM offer"
					+ " WHERE family = 'ehpad' AND finess_et LIKE '48%'");
			assertThat(((Number) ehpad.get("n")).longValue()).isEqualTo(28);
			assertThat(((Number) ehpad.get("places")).longValue()).isEqualTo(1_557);
			// the capacity file names the gestionnaire of each EHPAD
			assertThat(count("SELECT COUNT(*) FROM offer o JOIN organisation g ON g.id = o.organisation_id"
					+ " WHERE o.family = 'ehpad' AND o.finess_et LIKE '48%' AND g.name LIKE 'FINESS EJ %'"))
				.isZero();
		}

		@Test
		void finessTextIsStoredWithoutItsCsvQuoting() {
			// the Etalab extract quotes 115 names (RFC 4180: field in quotes, inner
			// quotes doubled)
			assertThat(count("SELECT COUNT(*) FROM offer WHERE name LIKE '%\"\"%'")).isZero();
			assertThat(jdbc.queryForObject("SELECT name FROM offer WHERE finess_et = '150002475'", String.class))
				.isEqualTo("\"LES ATELIERS DU CENTRE\"");
			// the fields after a quoted name stay in place; the double space is the
			// source's own text
			assertThat(
					jdbc.queryForMap("SELECT name, address, postal_code, city FROM offer WHERE finess_et = '430006908'")
						.values())
				.containsExactly("EHPAD  \"LES GENETS\"", "7 CHE DES ENFANTS A LA MONTAGNE", "43400",
						"LE CHAMBON SUR LIGNON");
			// a street whose field is not quoted keeps its quotes as text
			assertThat(jdbc.queryForObject("SELECT address FROM offer WHERE finess_et = '120786785'", String.class))
				.isEqualTo("11 RES \"\"\"LES GARDIES\"\"\"");
		}

		@Test
		void neighboursHave4414Establishments() {
			assertThat(count("SELECT COUNT(*) FROM offer WHERE source_name = 'FINESS' AND SUBSTRING(finess_et, 1, 2)"
					+ " IN ('07', '12', '15', '30', '34', '43')"))
				.isEqualTo(4_414);
		}

		@Test
		void processedDuplicatesAreIgnoredAndListed() {
			List<String> ignored = firstImport.get(getClass())
				.ignored()
				.stream()
				.map(DirectoryImportReport.IgnoredFile::file)
				.toList();
			assertThat(ignored).contains("03_finess/finess_et_20210108_48.geojson",
					"03_finess/finess_et_20210108_48.csv", "02_population_age/population_age_rp2023_48.csv",
					"04_osm/andorra.osm.pbf");
		}

		@Test
		void reimportingTheSameFolderChangesNoCount() {
			List<Long> before = counts();
			DirectoryImportReport again = imports.importDirectory(SharedData.root());
			assertThat(again.status()).isEqualTo(ImportReport.Status.SUCCEEDED);
			assertThat(again.steps()).allSatisfy(r -> assertThat(r.getInserted()).as(r.getKind()).isZero());
			assertThat(counts()).isEqualTo(before);
			// a committed import tells the routing module to refresh the precomputed
			// travel times
			assertThat(events.stream(OffersChanged.class)).hasSize(1);
		}

		List<Long> counts() {
			return List.of(count("SELECT COUNT(*) FROM departement"), count("SELECT COUNT(*) FROM commune"),
					count("SELECT COUNT(*) FROM population"), count("SELECT COUNT(*) FROM organisation"),
					count("SELECT COUNT(*) FROM offer"), count("SELECT SUM(capacity) FROM offer"));
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
