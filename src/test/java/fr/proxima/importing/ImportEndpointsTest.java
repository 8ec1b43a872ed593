package fr.proxima.importing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import fr.proxima.shared.OffersChanged;
import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// issue 2: admin import endpoints (token-protected) return the report, or 422 with the line errors; the Proxima
// offers layout imports idempotently; /api/status and / tell what the store holds
class ImportEndpointsTest {

	static final String TOKEN = "test-admin-token";

	static final Path SAMPLE_CSV = Path.of("gis/samples/offers-sample.csv");

	static final Path SAMPLE_GEOJSON = Path.of("gis/samples/offers-sample.geojson");

	@TestPropertySource(properties = "proxima.admin-token=" + TOKEN)
	@RecordApplicationEvents
	abstract static class Contract {

		@Autowired
		ApplicationEvents events;

		@Autowired
		MockMvc mvc;

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		ImportService imports;

		@AfterEach
		void removeSampleOffers() {
			jdbc.update("DELETE FROM offer WHERE source_ref LIKE 'exemple:%'");
		}

		MockMultipartFile part(String name, Path file) throws Exception {
			return new MockMultipartFile(name, file.getFileName().toString(), "text/csv", Files.readAllBytes(file));
		}

		@Test
		void uploadedOffersImportAndReimportWithoutDuplicates() throws Exception {
			for (int round = 0; round < 2; round++) {
				mvc.perform(multipart("/api/admin/imports/offers").file(part("file", SAMPLE_CSV))
					.file(part("file", SAMPLE_GEOJSON))
					.header("X-Proxima-Admin-Token", TOKEN))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.status").value("SUCCEEDED"))
					.andExpect(jsonPath("$.read").value(4))
					.andExpect(jsonPath("$.inserted").value(round == 0 ? 4 : 0))
					.andExpect(jsonPath("$.updated").value(round == 0 ? 0 : 4));
			}
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offer WHERE source_ref LIKE 'exemple:%'", Long.class))
				.isEqualTo(4);
			assertThat(
					jdbc.queryForList(
							"SELECT z.commune_code FROM offer_zone_commune z JOIN offer o"
									+ " ON o.id = z.offer_id WHERE o.source_ref = 'exemple:TA-001' ORDER BY 1",
							String.class))
				.containsExactly("48088", "48092", "48095");
			assertThat(jdbc.queryForObject("SELECT family FROM offer WHERE source_ref = 'exemple:PR-001'"
					+ " AND zone_geom IS NOT NULL AND geom IS NOT NULL", String.class))
				.isEqualTo("meal_delivery");
			assertThat(jdbc.queryForObject(
					"SELECT COUNT(*) FROM offer WHERE source_ref = 'exemple:TA-001'" + " AND geom IS NULL", Long.class))
				.isEqualTo(1);
		}

		@Test
		void brokenUploadAnswers422WithTheLineAndFieldAndWritesNothing() throws Exception {
			String csv = Files.readString(SAMPLE_CSV)
				.replace("habitat_inclusif,elderly,6,3.4985", "habitat_inclusif,elderly,6,east");
			mvc.perform(multipart("/api/admin/imports/offers")
				.file(new MockMultipartFile("file", "offers-broken.csv", "text/csv", csv.getBytes()))
				.header("X-Proxima-Admin-Token", TOKEN))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.errors[0].file").value("offers-broken.csv"))
				.andExpect(jsonPath("$.errors[0].line").value(2))
				.andExpect(jsonPath("$.errors[0].field").value("lon"))
				.andExpect(jsonPath("$.report.status").value("FAILED"));
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offer WHERE source_ref LIKE 'exemple:%'", Long.class))
				.isZero();
		}

		@Test
		void folderWithoutImportableFileIsRefusedListingWhatWasSkipped(@TempDir Path folder) throws Exception {
			Files.writeString(folder.resolve("notes.txt"), "nothing to import here\n");
			Files.writeString(folder.resolve("hosts"), "127.0.0.1 localhost\n");

			mvc.perform(post("/api/admin/imports/folder").param("path", folder.toString())
				.header("X-Proxima-Admin-Token", TOKEN))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.detail").value(containsString("no importable file found in " + folder)))
				.andExpect(jsonPath("$.detail").value(containsString("notes.txt (CSV header not of a known layout)")))
				.andExpect(jsonPath("$.report.status").value("FAILED"))
				.andExpect(jsonPath("$.report.ignored.length()").value(2));
			assertThat(events.stream(OffersChanged.class)).as("nothing imported, nothing to refresh").isEmpty();
		}

		@Test
		void adminEndpointsNeedTheToken() throws Exception {
			mvc.perform(multipart("/api/admin/imports/offers").file(part("file", SAMPLE_CSV)))
				.andExpect(status().isUnauthorized());
			mvc.perform(multipart("/api/admin/imports/offers").file(part("file", SAMPLE_CSV))
				.header("X-Proxima-Admin-Token", "wrong")).andExpect(status().isUnauthorized());
			mvc.perform(multipart("/api/admin/imports/nonsense").file(part("file", SAMPLE_CSV))
				.header("X-Proxima-Admin-Token", TOKEN))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.detail").value(containsString("Known kinds")));
			mvc.perform(post("/api/admin/travel-times/refresh"))
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		}

		@Test
		void anImportWhileAnotherRunsAnswers409AndWritesNothing() throws Exception {
			CountDownLatch held = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			Thread other = new Thread(() -> { // stands for a long import in progress
				imports.oneAtATime.lock();
				held.countDown();
				try {
					release.await();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				finally {
					imports.oneAtATime.unlock();
				}
			});
			other.start();
			try {
				held.await();
				mvc.perform(multipart("/api/admin/imports/offers").file(part("file", SAMPLE_CSV))
					.header("X-Proxima-Admin-Token", TOKEN))
					.andExpect(status().isConflict())
					.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
					.andExpect(jsonPath("$.detail", containsString("Another import is running")));
			}
			finally {
				release.countDown();
				other.join();
			}
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offer WHERE source_ref LIKE 'exemple:%'", Long.class))
				.isZero();
		}

		@Test
		void statusCountsTheStoreAndHomePageSaysHowToImport() throws Exception {
			long offers = jdbc.queryForObject("SELECT COUNT(*) FROM offer", Long.class);
			mvc.perform(get("/api/status")).andExpect(status().isOk()).andExpect(jsonPath("$.offers").value(offers));
			mvc.perform(get("/index.html"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("import-dir")));
		}

	}

	// a database of its own: this context's settings differ from the other H2 tests', and
	// Flyway cannot clean an H2
	// database where another context already loaded H2GIS
	@Nested
	@SpringBootTest
	@AutoConfigureMockMvc
	@H2Test
	@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:proxima-import-endpoints;DB_CLOSE_DELAY=-1")
	class OnH2 extends Contract {

	}

	@Nested
	@SpringBootTest
	@AutoConfigureMockMvc
	@PostgisTest
	class OnPostgis extends Contract {

	}

	// the default: no token configured, so the admin endpoints need an admin's account,
	// and
	// the answer says how to authenticate (issue 11)
	@Nested
	@SpringBootTest
	@AutoConfigureMockMvc
	@H2Test
	class WithoutToken {

		@Autowired
		MockMvc mvc;

		@Test
		void adminEndpointsNeedAnAdmin() throws Exception {
			for (var request : new MockHttpServletRequestBuilder[] { post("/api/admin/travel-times/refresh"),
					post("/api/admin/imports/folder").param("path", ".").header("X-Proxima-Admin-Token", "") }) {
				mvc.perform(request)
					.andExpect(status().isUnauthorized())
					.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
					.andExpect(jsonPath("$.detail").value(containsString("PROXIMA_ADMIN_TOKEN")));
			}
		}

	}

}
