package fr.proxima.offers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.proxima.accounts.Role;
import fr.proxima.importing.ImportKind;
import fr.proxima.importing.ImportReport;
import fr.proxima.importing.ImportService;
import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import fr.proxima.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// issue 11: a contributor's edit shows in the public API and in the history, survives a re-import of the same FINESS
// file, and a register change is listed as a conflict in the import report and on the organisation's page
class SelfServiceTest {

	static final String ET = "480000017";

	static final String EJ = "480000009";

	/**
	 * A one-establishment FINESS Etalab extract, with the register's phone and street.
	 */
	static Path finess(Path folder, String phone, String street) throws Exception {
		Map<String, String> v = Map.of("nofinesset", ET, "nofinessej", EJ, "rs", "SSIAD DU TEST", "numvoie", "1",
				"typvoie", "RUE", "voie", street, "commune", "095", "departement", "48", "ligneacheminement",
				"48000 MENDE", "telephone", phone);
		List<String> line = new ArrayList<>(List.of("structureet"));
		for (String f : List.of("nofinesset", "nofinessej", "rs", "rslongue", "complrs", "compldistrib", "numvoie",
				"typvoie", "voie", "compvoie", "lieuditbp", "commune", "departement", "libdepartement",
				"ligneacheminement", "telephone", "telecopie", "categetab", "libcategetab", "categagretab",
				"libcategagretab", "siret", "codeape", "codemft", "libmft", "codesph", "libsph", "dateouv", "dateautor",
				"datemaj", "numuai")) {
			line.add(f.equals("categetab") ? "354" : v.getOrDefault(f, ""));
		}
		Path file = folder.resolve("finess-" + phone + ".csv");
		Files.writeString(file, "finess;etalab;1;2026-01-01\n" + String.join(";", line) + "\n" + "geolocalisation;" + ET
				+ ";727000.0;6375000.0;1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93;2026-01-01\n");
		return file;
	}

	abstract static class Contract {

		@Autowired
		MockMvc mvc;

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		ImportService imports;

		@AfterEach
		void removeTheOffer() {
			jdbc.update("DELETE FROM offer WHERE finess_et = ? OR source_name = 'organisation'", ET);
		}

		ImportReport importFiness(Path file) {
			ImportReport r = imports.importFiles(ImportKind.FINESS, List.of(file), ImportService.Options.NONE);
			assertThat(r.getStatus()).isEqualTo(ImportReport.Status.SUCCEEDED);
			return r;
		}

		@Test
		void contributorEditSurvivesReimportAndRegisterChangesAreListed(@TempDir Path dir) throws Exception {
			importFiness(finess(dir, "0466000000", "DE LA GARE"));
			long offer = jdbc.queryForObject("SELECT id FROM offer WHERE finess_et = ?", Long.class, ET);
			long org = jdbc.queryForObject("SELECT id FROM organisation WHERE finess_ej = ?", Long.class, EJ);
			RequestPostProcessor contributor = TestUsers.as(jdbc, "ssiad@test.proxima.fr", List.of(org),
					Role.CONTRIBUTOR);

			mvc.perform(patch("/api/manage/offers/" + offer).with(contributor)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"phone\":\"04 66 11 22 33\",\"zoneCommunes\":[\"48095\",\"48080\"],"
						+ "\"openingHours\":\"du lundi au vendredi, 8 h – 18 h\",\"places\":30,\"freePlaces\":4}"))
				.andExpect(status().isOk());
			// the public sees the new values and the verified date
			mvc.perform(get("/api/offers/" + offer))
				.andExpect(jsonPath("$.phone").value("04 66 11 22 33"))
				.andExpect(jsonPath("$.zone.communes.length()").value(2))
				.andExpect(jsonPath("$.openingHours").value("du lundi au vendredi, 8 h – 18 h"))
				.andExpect(jsonPath("$.capacity").value(30))
				.andExpect(jsonPath("$.freePlaces").value(4))
				.andExpect(jsonPath("$.placesGivenAt").isNotEmpty())
				.andExpect(jsonPath("$.provenance.verifiedAt").isNotEmpty());
			mvc.perform(get("/api/offers").param("organisation", String.valueOf(org)))
				.andExpect(jsonPath("$.items[0].phone").value("04 66 11 22 33"));
			// who, when, which field, old and new value
			mvc.perform(get("/api/manage/organisations/" + org + "/history").with(contributor))
				.andExpect(jsonPath("$.items[?(@.field=='phone')].oldValue").value("0466000000"))
				.andExpect(jsonPath("$.items[?(@.field=='phone')].newValue").value("04 66 11 22 33"))
				.andExpect(jsonPath("$.items[?(@.field=='phone')].by").value("ssiad@test.proxima.fr"))
				.andExpect(jsonPath("$.items[?(@.field=='zoneCommunes')].newValue").value("48080,48095"));

			// the same file again: the organisation's values stay, nothing to report
			ImportReport same = importFiness(finess(dir, "0466000000", "DE LA GARE"));
			assertThat(same.getConflicts()).isEmpty();
			assertThat(jdbc.queryForObject("SELECT phone FROM offer WHERE id = ?", String.class, offer))
				.isEqualTo("04 66 11 22 33");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offer_zone_commune WHERE offer_id = ?", Long.class,
					offer))
				.isEqualTo(2);

			// the register changes its phone and moves the address: phone kept, address
			// updated, both listed
			ImportReport moved = importFiness(finess(dir, "0466999999", "DU PONT"));
			assertThat(moved.getConflicts()).extracting(RegisterConflict::field, RegisterConflict::kept)
				.contains(tuple("phone", "organisation"), tuple("address", "register"));
			assertThat(moved.getConflicts()).filteredOn(c -> c.field().equals("phone"))
				.singleElement()
				.satisfies(c -> assertThat(c.registerValue()).isEqualTo("0466999999"));
			mvc.perform(get("/api/offers/" + offer))
				.andExpect(jsonPath("$.phone").value("04 66 11 22 33"))
				.andExpect(jsonPath("$.address").value("1 RUE DU PONT"));
			mvc.perform(get("/api/manage/organisations/" + org).with(contributor))
				.andExpect(jsonPath("$.conflicts[?(@.field=='phone')].registerValue").value("0466999999"))
				.andExpect(jsonPath("$.conflicts[?(@.field=='address')].registerValue").value("1 RUE DU PONT"))
				.andExpect(jsonPath("$.editable").value(true));
			// importing the changed file once more reports nothing new
			assertThat(importFiness(finess(dir, "0466999999", "DU PONT")).getConflicts()).isEmpty();

			// the organisation takes the register's phone: the field goes back to the
			// register
			long conflict = jdbc.queryForObject(
					"SELECT id FROM offer_conflict WHERE offer_id = ? AND field = 'phone' AND resolved_at IS NULL",
					Long.class, offer);
			mvc.perform(post("/api/manage/conflicts/" + conflict).with(contributor)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"keep\":\"register\"}")).andExpect(status().isOk());
			mvc.perform(get("/api/offers/" + offer)).andExpect(jsonPath("$.phone").value("0466999999"));
			assertThat(importFiness(finess(dir, "0466888888", "DU PONT")).getConflicts()).isEmpty();
			assertThat(jdbc.queryForObject("SELECT phone FROM offer WHERE id = ?", String.class, offer))
				.isEqualTo("0466888888");
		}

		@Test
		void contributorCreatesAnOfferFinessDoesNotList(@TempDir Path dir) throws Exception {
			importFiness(finess(dir, "0466000000", "DE LA GARE"));
			long org = jdbc.queryForObject("SELECT id FROM organisation WHERE finess_ej = ?", Long.class, EJ);
			RequestPostProcessor contributor = TestUsers.as(jdbc, "ssiad@test.proxima.fr", List.of(org),
					Role.CONTRIBUTOR);
			mvc.perform(post("/api/manage/organisations/" + org + "/offers").with(contributor)
				.contentType(MediaType.APPLICATION_JSON)
				.content(
						"{\"name\":\"Habitat inclusif du Test\",\"family\":\"habitat_inclusif\",\"audience\":\"elderly\","
								+ "\"lon\":3.4986,\"lat\":44.518,\"communeCode\":\"48095\","
								+ "\"fields\":{\"phone\":\"04 66 00 11 22\",\"places\":6}}"))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.family").value("habitat_inclusif"))
				.andExpect(jsonPath("$.phone").value("04 66 00 11 22"))
				.andExpect(jsonPath("$.organisation.id").value(org))
				.andExpect(jsonPath("$.provenance.sourceName").value("organisation"));
			mvc.perform(patch("/api/manage/offers/"
					+ jdbc.queryForObject("SELECT id FROM offer WHERE source_name = 'organisation'", Long.class))
				.with(contributor)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"phone\":\"not a phone\"}")).andExpect(status().isBadRequest());
		}

		@Test
		void contributorRenamesAndMovesItsOwnOfferButNotARegisterOne(@TempDir Path dir) throws Exception {
			// issue 11: the name and point of an offer the organisation created are its
			// own,
			// those of a FINESS offer stay the register's
			importFiness(finess(dir, "0466000000", "DE LA GARE"));
			long finessOffer = jdbc.queryForObject("SELECT id FROM offer WHERE finess_et = ?", Long.class, ET);
			long org = jdbc.queryForObject("SELECT id FROM organisation WHERE finess_ej = ?", Long.class, EJ);
			RequestPostProcessor contributor = TestUsers.as(jdbc, "ssiad@test.proxima.fr", List.of(org),
					Role.CONTRIBUTOR);
			mvc.perform(post("/api/manage/organisations/" + org + "/offers").with(contributor)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Accueil familial du Test\",\"family\":\"accueil_familial\","
						+ "\"lon\":3.4986,\"lat\":44.518}"))
				.andExpect(status().isCreated());
			long own = jdbc.queryForObject("SELECT id FROM offer WHERE source_name = 'organisation'", Long.class);

			mvc.perform(
					patch("/api/manage/offers/" + own).with(contributor)
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"name\":\"Accueil familial des Causses\","
								+ "\"location\":{\"type\":\"Point\",\"coordinates\":[3.6,44.4]}}"))
				.andExpect(status().isOk());
			mvc.perform(get("/api/offers/" + own))
				.andExpect(jsonPath("$.name").value("Accueil familial des Causses"))
				.andExpect(jsonPath("$.location.coordinates[0]").value(3.6))
				.andExpect(jsonPath("$.location.coordinates[1]").value(44.4))
				.andExpect(jsonPath("$.provenance.verifiedAt").isNotEmpty());
			mvc.perform(get("/api/manage/organisations/" + org + "/history").with(contributor))
				.andExpect(jsonPath("$.items[?(@.field=='name')].newValue").value("Accueil familial des Causses"))
				.andExpect(jsonPath("$.items[?(@.field=='location')].newValue").value("POINT (3.6 44.4)"));

			mvc.perform(patch("/api/manage/offers/" + finessOffer).with(contributor)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Renamed by hand\"}")).andExpect(status().isForbidden());
			mvc.perform(patch("/api/manage/offers/" + finessOffer).with(contributor)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"location\":{\"type\":\"Point\",\"coordinates\":[3.6,44.4]}}"))
				.andExpect(status().isForbidden());
			assertThat(jdbc.queryForObject("SELECT name FROM offer WHERE id = ?", String.class, finessOffer))
				.isEqualTo("SSIAD DU TEST");
			mvc.perform(patch("/api/manage/offers/" + own).with(contributor)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"location\":{\"type\":\"Point\",\"coordinates\":[300,44.4]}}"))
				.andExpect(status().isBadRequest());
		}

	}

	@Nested
	@SpringBootTest
	@AutoConfigureMockMvc
	@H2Test
	class OnH2 extends Contract {

		@Test
		void theOrganisationPageReadsItsOffersInOneQueryPerCollection() throws Exception {
			// issue 11: no query per offer (H2 counts the executions of each statement)
			jdbc.update("INSERT INTO organisation (name) VALUES ('Services du Causse')");
			long org = jdbc.queryForObject("SELECT MAX(id) FROM organisation", Long.class);
			for (int i = 0; i < 6; i++) {
				jdbc.update(
						"INSERT INTO offer (organisation_id, name, family, audience, source_name, imported_at)"
								+ " VALUES (?, ?, 'saad', 'elderly', 'organisation', CURRENT_TIMESTAMP)",
						org, "SAAD " + i);
				jdbc.update("INSERT INTO offer_zone_commune (offer_id, commune_code)"
						+ " VALUES ((SELECT MAX(id) FROM offer), '48095')");
			}
			RequestPostProcessor member = TestUsers.as(jdbc, "causse@test.proxima.fr", List.of(org), Role.CONTRIBUTOR);
			jdbc.execute("SET QUERY_STATISTICS FALSE");
			jdbc.execute("SET QUERY_STATISTICS TRUE");
			try {
				mvc.perform(get("/api/manage/organisations/" + org).with(member))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.offers.length()").value(6))
					.andExpect(jsonPath("$.offers[0].zone.communes[0]").value("48095"));
				Map<String, Long> runs = new java.util.HashMap<>();
				jdbc.query("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS",
						(org.springframework.jdbc.core.RowCallbackHandler) rs -> runs.merge(
								rs.getString(1).contains("FROM offer o LEFT JOIN organisation") ? "offers"
										: rs.getString(1).contains("FROM offer_zone_commune") ? "zones" : "other",
								rs.getLong(2), Long::sum));
				assertThat(runs).containsEntry("offers", 1L).containsEntry("zones", 1L);
			}
			finally {
				jdbc.execute("SET QUERY_STATISTICS FALSE");
				jdbc.update("DELETE FROM organisation_member WHERE organisation_id = ?", org);
				jdbc.update("DELETE FROM offer WHERE organisation_id = ?", org);
				jdbc.update("DELETE FROM organisation WHERE id = ?", org);
			}
		}

	}

	@Nested
	@SpringBootTest
	@AutoConfigureMockMvc
	@PostgisTest
	class OnPostgis extends Contract {

	}

}
