package fr.proxima.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.proxima.importing.ImportReport.LineError;
import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import fr.proxima.shared.OffersChanged;
import fr.proxima.support.SharedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

// issue 2: malformed files get a report naming the line and field, and a failed import leaves the store unchanged
class ImportFailuresTest {

	static final Path ETALAB = SharedData.file("03_finess/etalab_layout/etalab-cs1100507-stock-20210108-subset.csv");

	static final Path BASE_CC = SharedData.file("02_population_age/insee_layout/base-cc-pop-2023-subset.csv");

	@RecordApplicationEvents
	abstract static class Contract {

		@Autowired
		ImportService imports;

		@Autowired
		JdbcTemplate jdbc;

		@TempDir
		Path tmp;

		@Autowired
		ApplicationEvents events;

		@BeforeEach
		void storeHoldsFiness() {
			if (jdbc.queryForObject("SELECT COUNT(*) FROM offer", Long.class) == 0) {
				assertThat(
						imports.importFiles(ImportKind.FINESS, List.of(ETALAB), ImportService.Options.NONE).getStatus())
					.isEqualTo(ImportReport.Status.SUCCEEDED);
				events.clear(); // what a test records is its own imports' announcements
			}
		}

		@Test
		void truncatedLineIsReportedWithLineAndFieldAndNothingIsWritten() throws IOException {
			List<String> lines = new ArrayList<>(Files.readAllLines(ETALAB));
			// line 2 renames an establishment (a change that must not survive), line 101
			// is cut after 9 fields
			lines.set(1, lines.get(1).replace("HOPITAL LOZERE SITE VALLEE DU LOT", "RENAMED BY A BROKEN FILE"));
			assertThat(lines.get(100)).startsWith("structureet;");
			lines.set(100, String.join(";", List.of(lines.get(100).split(";")).subList(0, 10)));
			Path broken = write("etalab-broken.csv", lines);
			List<Object> before = snapshot();

			ImportReport report = imports.importFiles(ImportKind.FINESS, List.of(broken), ImportService.Options.NONE);

			assertThat(report.getStatus()).isEqualTo(ImportReport.Status.FAILED);
			assertThat(report.getErrors()).extracting(LineError::file, LineError::line, LineError::field)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("etalab-broken.csv", 101L, "compvoie"));
			assertThat(report.getErrors().get(0).message()).contains("truncated");
			assertThat(snapshot()).isEqualTo(before);
			assertThat(events.stream(OffersChanged.class)).as("a rolled-back import announces no change").isEmpty();
		}

		@Test
		void nonNumericCoordinatesAreReportedWithLineAndField() throws IOException {
			List<String> lines = new ArrayList<>(Files.readAllLines(ETALAB));
			int geo = lines
				.indexOf(lines.stream().filter(l -> l.startsWith("geolocalisation;")).findFirst().orElseThrow());
			String[] f = lines.get(geo).split(";", -1);
			f[3] = "6381178,9x";
			lines.set(geo, String.join(";", f));
			List<Object> before = snapshot();

			ImportReport report = imports.importFiles(ImportKind.FINESS, List.of(write("etalab-coords.csv", lines)),
					ImportService.Options.NONE);

			assertThat(report.getErrors()).extracting(LineError::line, LineError::field)
				.containsExactly(org.assertj.core.groups.Tuple.tuple((long) geo + 1, "coordyet"));
			assertThat(snapshot()).isEqualTo(before);
		}

		@Test
		void offerWithLonButNoLatIsReportedAsHalfAPosition() throws IOException {
			String csv = Files.readString(ImportEndpointsTest.SAMPLE_CSV);
			assertThat(csv).contains(",3.4985,44.5181,");
			Path file = tmp.resolve("offers-half-position.csv");
			Files.writeString(file, csv.replace(",3.4985,44.5181,", ",3.4985,,"));

			ImportReport report = imports.importFiles(ImportKind.OFFERS, List.of(file), ImportService.Options.NONE);

			assertThat(report.getErrors()).singleElement().satisfies(e -> {
				assertThat(e.line()).isEqualTo(2L);
				assertThat(e.field()).isEqualTo("lat");
				assertThat(e.message()).isEqualTo("lon and lat: give both or neither");
			});
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offer WHERE source_ref LIKE 'exemple:%'", Long.class))
				.isZero();
		}

		@Test
		void fileOfAnotherLayoutIsRejectedNamingTheExpectedLayout() {
			ImportReport asFiness = imports.importFiles(ImportKind.FINESS, List.of(BASE_CC),
					ImportService.Options.NONE);
			assertThat(asFiness.getErrors()).singleElement().satisfies(e -> {
				assertThat(e.line()).isEqualTo(1L);
				assertThat(e.message()).contains("wrong layout", "finess;etalab;<rows>;<date>");
			});
			ImportReport asPopulation = imports.importFiles(ImportKind.POPULATION, List.of(ETALAB),
					ImportService.Options.NONE);
			assertThat(asPopulation.getErrors()).singleElement()
				.satisfies(e -> assertThat(e.message()).contains("wrong layout", "CODGEO"));
			ImportReport asCommunes = imports.importFiles(ImportKind.COMMUNES, List.of(ETALAB),
					ImportService.Options.NONE);
			assertThat(asCommunes.getStatus()).isEqualTo(ImportReport.Status.FAILED);
			assertThat(asCommunes.getErrors().get(0).message()).contains("wrong layout");
		}

		@Test
		void isoLatin1ExtractReadsLikeUtf8() throws IOException {
			Path latin1 = tmp.resolve("etalab-latin1.csv");
			Files.writeString(latin1, Files.readString(ETALAB, StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
			assertThat(Files.readAllBytes(latin1)).hasSizeLessThan((int) Files.size(ETALAB));

			ImportReport report = imports.importFiles(ImportKind.FINESS, List.of(latin1), ImportService.Options.NONE);

			assertThat(report.getStatus()).isEqualTo(ImportReport.Status.SUCCEEDED);
			assertThat(report.getInserted()).isZero();
			assertThat(
					jdbc.queryForObject("SELECT category_label FROM offer WHERE finess_et = '480000033'", String.class))
				.isEqualTo("Centre hospitalier, ex Hôpital local");
		}

		@Test
		void populationVintageIsPickedByNameAndDecimalsAreRounded() throws IOException {
			Path file = write("base-cc-2021.csv",
					List.of("\"CODGEO\";\"LIBGEO\";\"P21_POP\";\"P21_POP75P\";\"P21_POP85P\"",
							"\"99001\";\"Commune d'essai\";\"131.00034\";\"16.6\";\"5.2\""));
			try {
				ImportReport report = imports.importFiles(ImportKind.POPULATION, List.of(file),
						ImportService.Options.NONE);
				assertThat(report.getStatus()).isEqualTo(ImportReport.Status.SUCCEEDED);
				assertThat(jdbc
					.queryForList("SELECT census_year, total, aged_75_plus, aged_85_plus FROM population"
							+ " WHERE commune_code = '99001'")
					.get(0)
					.values()).extracting(v -> ((Number) v).intValue()).containsExactly(2021, 131, 17, 5);
			}
			finally {
				jdbc.update("DELETE FROM population WHERE commune_code = '99001'");
			}
		}

		/** Counts of every table and a few values a failed import would have changed. */
		List<Object> snapshot() {
			return List.of(jdbc.queryForObject("SELECT COUNT(*) FROM offer", Long.class),
					jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class),
					jdbc.queryForObject("SELECT COUNT(*) FROM population", Long.class),
					jdbc.queryForObject("SELECT name FROM offer WHERE finess_et = '480000017'", String.class),
					jdbc.queryForObject("SELECT ST_AsText(geom) FROM offer WHERE finess_et = '480000017'",
							String.class),
					jdbc.queryForObject("SELECT MAX(imported_at) FROM offer", Object.class).toString());
		}

		Path write(String name, List<String> lines) throws IOException {
			return Files.write(tmp.resolve(name), lines, StandardCharsets.UTF_8);
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
