package fr.proxima.tours;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// issue 13: bad tour input is a 4xx problem detail naming the line and field; a CSV import is all or nothing; planners
// and the public get per-commune aggregates with small cells and their complements suppressed
class TourInputAndAggregatesTest {

	abstract static class Contract extends ToursFixture {

		ResultActions create(String json) throws Exception {
			return mvc.perform(post("/api/tours/organisations/" + orgA + "/tours").with(coordinatorA)
				.contentType(MediaType.APPLICATION_JSON)
				.content(json));
		}

		@Test
		void badToursAreProblemDetailsNamingTheFault() throws Exception {
			// outside the département (Aurillac, Cantal)
			create(tourJson("2026-10-01", "IDE-1", new double[] { 2.4446, 44.9264 }, 1))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].line").value(0))
				.andExpect(jsonPath("$.errors[0].field").value("lon,lat"))
				.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("outside")));
			// impossible window: closes before it opens
			create(tourJson("2026-10-01", "IDE-1", MENDE, 2).replace("\"to\":\"09:30\"", "\"to\":\"07:30\""))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value("to"))
				.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("impossible")));
			// more visits than the limit
			create(tourJson("2026-10-01", "IDE-1", MENDE, 151)).andExpect(status().isContentTooLarge())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("max-visits-per-tour")));
			// a contact instead of a pseudonym; an unknown care type (free text invites
			// health details)
			create(tourJson("2026-10-01", "marie.dupont@example.org", MENDE, 1))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value("caregiver"));
			create(tourJson("2026-10-01", "06 12 34 56 78", MENDE, 1)).andExpect(status().isUnprocessableContent());
			create(tourJson("2026-10-01", "IDE-1", MENDE, 1).replace("hygiene", "diabetes insulin"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value("care_type"));
			// no road graph in this context: the tour is computed and flagged estimate,
			// optimising it is refused
			String body = create(tourJson("2026-10-01", "IDE-1", MENDE, 3)).andExpect(status().isCreated())
				.andExpect(jsonPath("$.method").value("estimate"))
				.andExpect(jsonPath("$.visits[0].snap").value("no_graph"))
				.andExpect(jsonPath("$.warnings.length()").value(3))
				.andReturn()
				.getResponse()
				.getContentAsString();
			long id = ((Number) JsonPath.read(body, "$.id")).longValue();
			mvc.perform(post("/api/tours/" + id + "/optimisation").with(coordinatorA))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("estimate")));
			mvc.perform(post("/api/tours/" + id + "/optimisation").param("seconds", "3600").with(coordinatorA))
				.andExpect(status().isUnprocessableContent());
			mvc.perform(post("/api/tours/" + id + "/optimisation").param("allowEstimate", "true")
				.param("seconds", "2")
				.with(coordinatorA))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.method").value("estimate"))
				.andExpect(jsonPath("$.order.length()").value(3))
				.andExpect(jsonPath("$.before.driveMinutes").isNumber())
				.andExpect(jsonPath("$.millis").isNumber());
		}

		@Test
		void csvImportIsAllOrNothingAndReportsTheLineAndField() throws Exception {
			String header = "date;caregiver;departure;lon;lat;from;to;duration;care_type\n";
			String good = header + "2026-10-02;AIDE-7;08:00;3.4990;44.5180;08:30;09:30;30;meal\n"
					+ "2026-10-02;AIDE-7;08:00;3.5010;44.5200;09:30;10:30;30;housework\n"
					+ "2026-10-02;AIDE-8;13:00;3.2914;44.5536;13:30;15:00;45;company\n";
			String bad = good.replace("09:30;10:30;30;housework", "09:30;10:30;half an hour;housework");
			long before = jdbc.queryForObject("SELECT COUNT(*) FROM tour WHERE organisation_id = ?", Long.class, orgA);
			mvc.perform(post("/api/tours/organisations/" + orgA + "/tours/import").with(coordinatorA)
				.contentType("text/csv")
				.content(bad))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].line").value(3))
				.andExpect(jsonPath("$.errors[0].field").value("duration"));
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tour WHERE organisation_id = ?", Long.class, orgA))
				.isEqualTo(before);
			mvc.perform(post("/api/tours/organisations/" + orgA + "/tours/import").with(coordinatorA)
				.contentType("text/csv")
				.content(good))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.created.length()").value(2))
				.andExpect(jsonPath("$.created[0].visits").value(2));
			// the export is the import layout again
			String csv = mvc
				.perform(get("/api/tours/organisations/" + orgA + "/tours.csv").param("date", "2026-10-02")
					.with(coordinatorA))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(csv.lines().skip(1).map(l -> l.split(";")[1])).containsExactly("AIDE-7", "AIDE-7", "AIDE-8");
		}

		@Test
		void aggregatesSuppressSmallCellsAndTheirComplements() throws Exception {
			String date = "2031-05-12";
			create(tourJson(date, "IDE-5", MENDE, 6)).andExpect(status().isCreated());
			create(tourJson(date, "IDE-6", MARVEJOLS, 2)).andExpect(status().isCreated());
			String one = aggregates("2031-05");
			// Mende holds 6 visits but is hidden too: otherwise total − Mende would give
			// Marvejols' 2
			assertSafe(one);
			assertThat(JsonPath.<Integer>read(one, "$.total.visits")).isEqualTo(8);
			assertThat(JsonPath.<List<Object>>read(one, "$.communes[?(@.suppressed == false)]")).isEmpty();

			create(tourJson(date, "IDE-7", FLORAC, 6)).andExpect(status().isCreated());
			create(tourJson(date, "IDE-8", FLORAC, 5)).andExpect(status().isCreated());
			String two = aggregates("2031-05");
			assertSafe(two);
			List<Map<String, Object>> shown = JsonPath.read(two, "$.communes[?(@.suppressed == false)]");
			assertThat(shown).hasSize(1);
			assertThat(shown.get(0)).containsEntry("visits", 11).containsEntry("tours", 2);
			assertThat(((Number) shown.get(0).get("driveShare")).doubleValue()).isBetween(0.0, 1.0);
			// planners see exactly the same table, and nothing of the tours themselves
			assertThat(mvc
				.perform(get("/api/tours/aggregates").param("from", "2031-05").param("to", "2031-05").with(planner))
				.andReturn()
				.getResponse()
				.getContentAsString()).isEqualTo(two);
			assertThat(two).doesNotContain("IDE-", "\"lon\"", "\"lat\"", "caregiver");
			// a month with fewer than 5 visits in all: even the total is hidden
			create(tourJson("2031-07-01", "IDE-9", MENDE, 3)).andExpect(status().isCreated());
			String small = aggregates("2031-07");
			assertThat(JsonPath.<Boolean>read(small, "$.total.suppressed")).isTrue();
			assertThat(JsonPath.<Object>read(small, "$.total.visits")).isNull();
		}

		String aggregates(String month) throws Exception {
			return mvc.perform(get("/api/tours/aggregates").param("from", month).param("to", month))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
		}

		/**
		 * No published cell under 5 visits, and the hidden ones are none or at least two
		 * holding together at least 5 (what subtraction from the total gives).
		 */
		static void assertSafe(String table) {
			List<Integer> shown = JsonPath.read(table, "$.communes[?(@.suppressed == false)].visits");
			assertThat(shown).allMatch(v -> v >= 5);
			List<Object> hidden = JsonPath.read(table, "$.communes[?(@.suppressed == true)]");
			List<Object> leaked = JsonPath.read(table, "$.communes[?(@.suppressed == true && @.visits != null)]");
			assertThat(leaked).isEmpty();
			Integer total = JsonPath.read(table, "$.total.visits");
			if (!hidden.isEmpty() && total != null) {
				assertThat(hidden.size()).isGreaterThanOrEqualTo(2);
				assertThat(total - shown.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(5);
			}
		}

	}

	@Nested
	@SpringBootTest
	@AutoConfigureMockMvc
	@H2Test
	class OnH2 extends Contract {

	}

	@Nested
	@SpringBootTest
	@AutoConfigureMockMvc
	@PostgisTest
	class OnPostgis extends Contract {

	}

}
