package fr.proxima.tours;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// issue 13: visit locations and times only to the coordinators of the owning organisation, on every endpoint; every
// read in the audit log; everyone else gets suppressed per-commune aggregates only
class TourAccessTest {

	abstract static class Contract extends ToursFixture {

		long createTour(RequestPostProcessor who, long org, String json) throws Exception {
			String body = mvc
				.perform(post("/api/tours/organisations/" + org + "/tours").with(who)
					.contentType(MediaType.APPLICATION_JSON)
					.content(json))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString();
			return ((Number) JsonPath.read(body, "$.id")).longValue();
		}

		/**
		 * Every read, list, export, layer and optimisation of tour {@code id} of org
		 * {@code org}.
		 */
		List<MockHttpServletRequestBuilder> everyEndpoint(long org, long id) {
			String t = "/api/tours/" + id;
			String o = "/api/tours/organisations/" + org;
			return List.of(get(t), get(t + ".geojson"), post(t + "/optimisation").param("allowEstimate", "true"),
					put(t).contentType(MediaType.APPLICATION_JSON).content(tourJson("2026-11-20", "X", MENDE, 1)),
					delete(t), get(o + "/tours"), get(o + "/tours.csv"),
					post(o + "/tours").contentType(MediaType.APPLICATION_JSON)
						.content(tourJson("2026-11-20", "X", FLORAC, 1)),
					post(o + "/tours/import").contentType("text/csv").content("date;caregiver\n"),
					post(o + "/plan").contentType(MediaType.APPLICATION_JSON)
						.content("{\"date\":\"2026-11-20\",\"allowEstimate\":true}"),
					get(o + "/audit"));
		}

		@Test
		void onlyTheOwningCoordinatorsReadToursAndEveryReadIsAudited() throws Exception {
			long tour = createTour(coordinatorA, orgA, tourJson("2026-11-20", "IDE-1", MENDE, 4));
			// the owner reads everything
			mvc.perform(get("/api/tours/" + tour).with(coordinatorA))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.visits.length()").value(4))
				.andExpect(jsonPath("$.visits[0].lon").isNumber())
				.andExpect(jsonPath("$.method").value("estimate"));
			mvc.perform(get("/api/tours/" + tour + ".geojson").with(coordinatorA))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.features[?(@.properties.kind=='visit')]").isNotEmpty());
			mvc.perform(get("/api/tours/organisations/" + orgA + "/tours").with(coordinatorA))
				.andExpect(jsonPath("$[?(@.id==" + tour + ")].visits").value(4));
			mvc.perform(get("/api/tours/organisations/" + orgA + "/tours.csv").with(coordinatorA))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("IDE-1")));

			// a coordinator of B, a planner, an admin: 404 for the tour itself, 403 for
			// A's organisation
			long guessed = tour + 1000;
			for (RequestPostProcessor other : List.of(coordinatorB, planner, admin)) {
				for (MockHttpServletRequestBuilder r : everyEndpoint(orgA, tour)) {
					int code = mvc.perform(r.with(other)).andReturn().getResponse().getStatus();
					String what = r.buildRequest(new org.springframework.mock.web.MockServletContext()).getMethod()
							+ " "
							+ r.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI();
					boolean auditByAdmin = other == admin && what.endsWith("/audit");
					if (!auditByAdmin) {
						assertThat(code).as(what).isIn(403, 404);
					}
				}
				for (MockHttpServletRequestBuilder r : everyEndpoint(orgA, guessed).subList(0, 5)) {
					assertThat(mvc.perform(r.with(other)).andReturn().getResponse().getStatus()).isEqualTo(404);
				}
			}
			// anonymous: 401 on everything
			for (MockHttpServletRequestBuilder r : everyEndpoint(orgA, tour)) {
				assertThat(mvc.perform(r).andReturn().getResponse().getStatus()).isIn(401, 403);
			}
			// the tour is still there, unchanged
			mvc.perform(get("/api/tours/" + tour).with(coordinatorA)).andExpect(jsonPath("$.caregiver").value("IDE-1"));

			// the audit log: who, when, which tour, which read; refused attempts too
			String audit = mvc
				.perform(get("/api/tours/organisations/" + orgA + "/audit").param("tour", "" + tour)
					.param("limit", "500")
					.with(coordinatorA))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			List<String> actions = JsonPath.read(audit, "$.items[?(@.actor=='coord-a@test.proxima.fr')].action");
			assertThat(actions).contains("create", "read", "map", "list", "export");
			List<String> refused = JsonPath.read(audit, "$.items[?(@.action=='denied')].actor");
			assertThat(refused).contains("coord-b@test.proxima.fr", "planner@test.proxima.fr", "admin@test.proxima.fr");
			List<Object> at = JsonPath.read(audit, "$.items[*].at");
			assertThat(at).doesNotContainNull();
			// admins read the audit log, not the tours
			mvc.perform(get("/api/tours/organisations/" + orgA + "/audit").with(admin)).andExpect(status().isOk());
			mvc.perform(get("/api/tours/organisations/" + orgA + "/audit").with(coordinatorB))
				.andExpect(status().isForbidden());
		}

		@Test
		void theOwnerDeletesATourWithItsVisits() throws Exception {
			long tour = createTour(coordinatorA, orgA, tourJson("2026-11-21", "IDE-2", MENDE, 3));
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tour_visit WHERE tour_id = ?", Long.class, tour))
				.isEqualTo(3);
			mvc.perform(delete("/api/tours/" + tour).with(coordinatorA)).andExpect(status().isNoContent());
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tour_visit WHERE tour_id = ?", Long.class, tour))
				.isZero();
			mvc.perform(get("/api/tours/" + tour).with(coordinatorA)).andExpect(status().isNotFound());
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
