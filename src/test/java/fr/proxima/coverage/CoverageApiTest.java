package fr.proxima.coverage;

import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import fr.proxima.support.TestUsers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// issue 4: the coverage REST API, its CSV and GeoJSON outputs, scenario CRUD and problem details for bad input
class CoverageApiTest {

	abstract static class Contract {

		@Autowired
		WebApplicationContext web;

		MockMvc mvc;

		// issue 11: scenarios need the planner role
		RequestPostProcessor planner;

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		ApplicationEventPublisher events;

		CoverageFixture fixture;

		@BeforeEach
		void twoCommunes() {
			// built here rather than with @AutoConfigureMockMvc, so that the tests share
			// the suite's one context
			mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
			planner = TestUsers.planner(jdbc);
			fixture = new CoverageFixture(jdbc, events).reset();
			fixture.commune("99001", 0, 300, 40, 10).commune("99002", 10, 400, 50, 20);
			fixture.offer("test: ssiad", "ssiad", 20, 0);
		}

		@AfterEach
		void cleanUp() {
			fixture.clear();
		}

		@Test
		void offersWithoutALocationAreListedAsCoveringNothing() throws Exception {
			jdbc.update("INSERT INTO offer (name, family, audience, source_name, imported_at)"
					+ " VALUES ('test: ssiad known by its zone only', 'ssiad', 'elderly', ?, CURRENT_TIMESTAMP)",
					CoverageFixture.SOURCE);
			fixture.changed();
			mvc.perform(
					get("/api/coverage").param("families", "ssiad").param("minutes", "15").param("departements", "99"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.totals.population.covered").value(300))
				.andExpect(jsonPath("$.unlocatedOffers.length()").value(1))
				.andExpect(jsonPath("$.unlocatedOffers[0].name").value("test: ssiad known by its zone only"));
		}

		@Test
		void coverageAnswersJsonCsvAndGeoJson() throws Exception {
			mvc.perform(
					get("/api/coverage").param("families", "ssiad").param("minutes", "15").param("departements", "99"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.totals.population.total").value(700))
				.andExpect(jsonPath("$.totals.population.covered").value(300))
				.andExpect(jsonPath("$.uncovered[0].code").value("99002"))
				.andExpect(jsonPath("$.method").value("estimate"))
				.andExpect(jsonPath("$.estimated").value(true));
			mvc.perform(get("/api/coverage").param("families", "ssiad")
				.param("minutes", "15")
				.param("departements", "99")
				.param("format", "csv"))
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith("text/csv"))
				.andExpect(content().string(startsWith("code,name,departement,minutes,nearest_offer_id")))
				.andExpect(content().string(containsString("\r\n99002,Commune 99002,99,19,")));
			mvc.perform(get("/api/coverage/accessibility").param("families", "ssiad")
				.param("departements", "99")
				.param("format", "geojson"))
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith("application/geo+json"))
				.andExpect(jsonPath("$.type").value("FeatureCollection"))
				.andExpect(jsonPath("$.features.length()").value(2))
				.andExpect(jsonPath("$.features[0].geometry.type").value("MultiPolygon"))
				.andExpect(jsonPath("$.features[0].properties.index").isNumber())
				.andExpect(jsonPath("$.metadata.bands[0]").value("0–10 min × 1.0"));
			mvc.perform(get("/api/coverage/suggestions").param("families", "ssiad")
				.param("minutes", "15")
				.param("departements", "99")
				.param("k", "3")
				.param("format", "csv"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("1,99002,Commune 99002,")));
		}

		@Test
		void badInputIsAProblemDetail() throws Exception {
			expectProblem(get("/api/coverage").param("families", "nothing"), 400, "Unknown family");
			expectProblem(get("/api/coverage").param("families", "ssiad").param("minutes", "0"), 400, "minutes");
			expectProblem(get("/api/coverage").param("families", "ssiad").param("minutes", "500"), 400, "minutes");
			expectProblem(get("/api/coverage").param("families", "ssiad").param("departements", "00"), 400,
					"Unknown département");
			expectProblem(get("/api/coverage/accessibility").param("families", "ssiad")
				.param("bands", "20,10")
				.param("weights", "1,0.5"), 400, "increasing");
			expectProblem(get("/api/coverage/accessibility").param("families", "ssiad")
				.param("bands", "10,20")
				.param("weights", "1"), 400, "as many");
			expectProblem(get("/api/coverage/accessibility").param("families", "ssiad").param("demand", "60+"), 400,
					"Unknown demand");
			expectProblem(get("/api/coverage").param("families", "ssiad").param("format", "xls"), 400,
					"Unknown format");
			expectProblem(get("/api/coverage/accessibility/explain").param("families", "ssiad")
				.param("departements", "99")
				.param("commune", "00000"), 404, "Unknown commune");
			expectProblem(get("/api/coverage/suggestions").param("families", "ssiad")
				.param("departements", "99")
				.param("k", "0"), 400, "k must");
			expectProblem(get("/api/coverage/scenarios/987654").with(planner), 404, "Unknown scenario");
			expectProblem(get("/api/coverage/scenarios/987654/comparison").with(planner).param("families", "ssiad"),
					404, "Unknown scenario");
			expectProblem(post("/api/coverage/scenarios").with(planner)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"test: bad\",\"closures\":[987654]}"), 400, "Unknown offers");
			expectProblem(
					post("/api/coverage/scenarios").with(planner)
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"name\":\"test: bad\",\"sites\":[{\"family\":\"ssiad\",\"lon\":200,\"lat\":0}]}"),
					400, "Invalid coordinates");
		}

		@Test
		void everyOutputSaysItsTimesAreEstimatesWithoutARoadGraph() throws Exception {
			String location = mvc
				.perform(post("/api/coverage/scenarios").with(planner)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"test: methods\",\"sites\":[{\"family\":\"ssiad\",\"lon\":10.05,\"lat\":0}]}"))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getHeader("Location");
			long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

			MethodCheck.everyOutputSays(mvc, "estimate", "ssiad", CoverageFixture.DEPARTEMENT, "99001", id, planner);
		}

		@Test
		void zonesWithoutServicesKeepTheirCsvHeaderAndLayerMetadata() throws Exception {
			// the fixture's service declares no zone: no rows
			mvc.perform(get("/api/coverage/zones").param("families", "ssiad")
				.param("departements", "99")
				.param("format", "csv"))
				.andExpect(status().isOk())
				.andExpect(content().string("offer_id,offer_name,commune_code,commune_name,kind,method\r\n"));
			mvc.perform(get("/api/coverage/zones").param("families", "ssiad")
				.param("departements", "99")
				.param("format", "geojson"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.features.length()").value(0))
				.andExpect(jsonPath("$.metadata.parameters.minutes").value(30.0))
				.andExpect(jsonPath("$.metadata.method").value("estimate"))
				.andExpect(jsonPath("$.metadata.estimated").value(true));
		}

		@Test
		void suggestionsTakeFamiliesLikeTheOtherEndpoints() throws Exception {
			mvc.perform(get("/api/coverage/suggestions").param("families", "ssiad,saad")
				.param("minutes", "15")
				.param("departements", "99")
				.param("k", "1"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.parameters.families.length()").value(2))
				.andExpect(jsonPath("$.steps[0].communeCode").value("99002"));
			// the older name still works
			mvc.perform(get("/api/coverage/suggestions").param("family", "ssiad")
				.param("minutes", "15")
				.param("departements", "99")
				.param("k", "1"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.parameters.families[0]").value("ssiad"));
			expectProblem(get("/api/coverage/suggestions").param("families", "ssiad,ehpad").param("departements", "99"),
					400, "not both: [ssiad, ehpad]");
		}

		@Test
		void bandProblemsAreAllReportedAndSayWhenWeightsAreMissing() throws Exception {
			mvc.perform(get("/api/coverage/accessibility").param("families", "ssiad").param("bands", "10,5"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("strictly increasing")))
				.andExpect(jsonPath("$.detail").value(containsString("give weights too")));
			expectProblem(get("/api/coverage/accessibility").param("families", "ssiad").param("bands", "10,20"), 400,
					"default weights are 1.0,0.68,0.22, give weights too");
		}

		@Test
		void anEmptyStoreAsksForAnImport(@Autowired PlatformTransactionManager transactions) {
			// every commune removed in a transaction rolled back afterwards (MockMvc runs
			// on this thread)
			new TransactionTemplate(transactions).executeWithoutResult(tx -> {
				jdbc.update("DELETE FROM commune");
				fixture.changed();
				try {
					expectProblem(get("/api/coverage").param("families", "ehpad"), 409, "import data first");
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
				finally {
					tx.setRollbackOnly();
				}
			});
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM commune WHERE code = '99001'", Long.class))
				.isEqualTo(1);
		}

		private void expectProblem(org.springframework.test.web.servlet.RequestBuilder request, int status,
				String detail) throws Exception {
			mvc.perform(request)
				.andExpect(status().is(status))
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.detail").value(containsString(detail)));
		}

		@Test
		void scenariosAreStoredUpdatedComparedAndDeleted() throws Exception {
			String body = "{\"name\":\"test: B\",\"sites\":[{\"name\":\"new\",\"family\":\"ssiad\",\"capacity\":12,"
					+ "\"lon\":" + (10 + 10 * CoverageFixture.DEG_PER_KM) + ",\"lat\":0}]}";
			String location = mvc.perform(
					post("/api/coverage/scenarios").with(planner).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.sites[0].family").value("ssiad"))
				.andReturn()
				.getResponse()
				.getHeader("Location");
			mvc.perform(
					post("/api/coverage/scenarios").with(planner).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isConflict());
			mvc.perform(get(location + "/comparison").with(planner)
				.param("families", "ssiad")
				.param("minutes", "15")
				.param("departements", "99"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.before.population.covered").value(300))
				.andExpect(jsonPath("$.after.population.covered").value(700))
				.andExpect(jsonPath("$.changedCommunes").value(2));
			mvc.perform(get(location + "/comparison").with(planner)
				.param("families", "ssiad")
				.param("minutes", "15")
				.param("departements", "99")
				.param("format", "csv"))
				.andExpect(content().string(startsWith("code,name,departement,minutes_before,minutes_after")));
			mvc.perform(put(location).with(planner)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"test: renamed\",\"sites\":[]}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.name").value("test: renamed"))
				.andExpect(jsonPath("$.sites.length()").value(0));
			mvc.perform(get("/api/coverage/scenarios").with(planner))
				.andExpect(jsonPath("$.items[?(@.name=='test: renamed')]").exists());
			mvc.perform(delete(location).with(planner)).andExpect(status().isNoContent());
			mvc.perform(get(location).with(planner)).andExpect(status().isNotFound());
			mvc.perform(get("/api/coverage/scenarios/1x").with(planner)).andExpect(status().isBadRequest());
			mvc.perform(get("/api/coverage/scenarios").with(planner))
				.andExpect(header().string("Content-Type", containsString("json")));
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
