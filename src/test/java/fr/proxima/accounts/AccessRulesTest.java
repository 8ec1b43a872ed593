package fr.proxima.accounts;

import java.time.OffsetDateTime;
import java.util.List;

import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import fr.proxima.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// issue 11: who may do what — anonymous 401 on every write and non-public read, contributors only on their own
// organisation, planners only on their own scenarios, refused disabled users and dead tokens
class AccessRulesTest {

	abstract static class Contract {

		@Autowired
		MockMvc mvc;

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		List<SecurityFilterChain> chains;

		long orgA;

		long orgB;

		long offerA;

		long offerB;

		@BeforeEach
		void twoOrganisations() {
			jdbc.update("DELETE FROM offer WHERE source_name = 'access-test'");
			jdbc.update("DELETE FROM organisation WHERE name LIKE 'access-test%'");
			orgA = organisation("access-test A");
			orgB = organisation("access-test B");
			offerA = offer(orgA, "access-test offer A");
			offerB = offer(orgB, "access-test offer B");
		}

		long organisation(String name) {
			jdbc.update("INSERT INTO organisation (name) VALUES (?)", name);
			return jdbc.queryForObject("SELECT id FROM organisation WHERE name = ?", Long.class, name);
		}

		long offer(long org, String name) {
			jdbc.update("INSERT INTO offer (organisation_id, name, family, audience, source_name, imported_at)"
					+ " VALUES (?, ?, 'saad', 'elderly', 'access-test', ?)", org, name, OffsetDateTime.now());
			return jdbc.queryForObject("SELECT id FROM offer WHERE name = ?", Long.class, name);
		}

		RequestPostProcessor contributorOfA() {
			return TestUsers.as(jdbc, "contributor-a@test.proxima.fr", List.of(orgA), Role.CONTRIBUTOR);
		}

		static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder r, String body) {
			return r.contentType(MediaType.APPLICATION_JSON).content(body);
		}

		@Test
		void anonymousGets401ProblemOnEveryWriteAndPrivateRead() throws Exception {
			for (MockHttpServletRequestBuilder r : List.of(json(post("/api/coverage/scenarios"), "{}"),
					get("/api/coverage/scenarios"), get("/api/coverage/scenarios/1"),
					json(put("/api/coverage/scenarios/1"), "{}"), delete("/api/coverage/scenarios/1"),
					json(patch("/api/manage/offers/" + offerA), "{\"phone\":\"0466000000\"}"),
					post("/api/manage/offers/" + offerA + "/verification"),
					json(post("/api/manage/organisations/" + orgA + "/offers"), "{}"),
					get("/api/manage/organisations/" + orgA), get("/api/manage/organisations/" + orgA + "/history"),
					json(post("/api/manage/conflicts/1"), "{\"keep\":\"register\"}"), get("/api/account"),
					get("/api/account/tokens"), json(post("/api/account/tokens"), "{\"name\":\"x\"}"),
					delete("/api/account/tokens/1"), json(post("/api/account/password"), "{}"), get("/api/admin/users"),
					json(post("/api/admin/users"), "{}"), json(patch("/api/admin/users/1"), "{}"),
					delete("/api/admin/users/1/tokens/1"), post("/api/admin/travel-times/refresh"),
					post("/api/admin/imports/folder"),
					post("/api/admin/imports/offers").contentType("multipart/form-data; boundary=x")
						.content(
								"--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nname\r\n--x--\r\n"))) {
				mvc.perform(r)
					.andExpect(status().isUnauthorized())
					.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
			}
		}

		@Test
		void publicReadsStayAnonymousAndPagesAskToSignIn() throws Exception {
			mvc.perform(get("/api/offers/" + offerA)).andExpect(status().isOk());
			mvc.perform(get("/api/organisations/" + orgA)).andExpect(status().isOk());
			mvc.perform(get("/api/departements")).andExpect(status().isOk());
			mvc.perform(get("/actuator/health"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").exists())
				.andExpect(jsonPath("$.components").doesNotExist());
			mvc.perform(get("/account/"))
				.andExpect(status().isFound())
				.andExpect(redirectedUrl("/login/?next=%2Faccount%2F"));
			mvc.perform(get("/login/")).andExpect(status().isOk());
		}

		@Test
		void contributorEditsOnlyItsOwnOrganisationsOffers() throws Exception {
			RequestPostProcessor a = contributorOfA();
			mvc.perform(json(patch("/api/manage/offers/" + offerA), "{\"phone\":\"04 66 00 00 01\"}").with(a))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.phone").value("04 66 00 00 01"));
			for (MockHttpServletRequestBuilder r : List.of(
					json(patch("/api/manage/offers/" + offerB), "{\"phone\":\"04 66 00 00 02\"}"),
					post("/api/manage/offers/" + offerB + "/verification"),
					json(post("/api/manage/organisations/" + orgB + "/offers"), "{\"name\":\"x\",\"family\":\"saad\"}"),
					get("/api/manage/organisations/" + orgB), get("/api/manage/organisations/" + orgB + "/history"))) {
				mvc.perform(r.with(a))
					.andExpect(status().isForbidden())
					.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
			}
			// guessing ids: every other offer is refused, an id that does not exist is
			// simply unknown
			List<Long> others = jdbc.queryForList("SELECT id FROM offer WHERE organisation_id <> ? ORDER BY id",
					Long.class, orgA);
			for (long id : others) {
				mvc.perform(json(patch("/api/manage/offers/" + id), "{\"phone\":\"0466000003\"}").with(a))
					.andExpect(status().isForbidden());
			}
			mvc.perform(json(patch("/api/manage/offers/987654321"), "{\"phone\":\"0466000003\"}").with(a))
				.andExpect(status().isNotFound());
			mvc.perform(get("/api/offers/" + offerB)).andExpect(jsonPath("$.phone").doesNotExist());
			// a planner is not a contributor, and a contributor is not an admin
			mvc.perform(json(patch("/api/manage/offers/" + offerA), "{\"phone\":\"0466000004\"}")
				.with(TestUsers.planner(jdbc))).andExpect(status().isForbidden());
			mvc.perform(get("/api/admin/users").with(a)).andExpect(status().isForbidden());
			mvc.perform(get("/api/coverage/scenarios").with(a)).andExpect(status().isForbidden());
		}

		@Test
		void plannersOwnTheirScenariosAndShareThemReadOnly() throws Exception {
			RequestPostProcessor alice = TestUsers.as(jdbc, "alice@test.proxima.fr", List.of(), Role.PLANNER);
			RequestPostProcessor bob = TestUsers.as(jdbc, "bob@test.proxima.fr", List.of(), Role.PLANNER);
			RequestPostProcessor carol = TestUsers.as(jdbc, "carol@test.proxima.fr", List.of(), Role.PLANNER);
			jdbc.update("DELETE FROM scenario WHERE name LIKE 'access-test%'");
			String priv = created(
					mvc.perform(json(post("/api/coverage/scenarios"), "{\"name\":\"access-test private\"}").with(alice))
						.andExpect(status().isCreated())
						.andReturn()
						.getResponse()
						.getHeader("Location"));
			String shared = created(mvc.perform(json(post("/api/coverage/scenarios"),
					"{\"name\":\"access-test shared\",\"visibility\":\"shared\",\"sharedWith\":[\"bob@test.proxima.fr\"]}")
				.with(alice))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.owner").value("alice@test.proxima.fr"))
				.andExpect(jsonPath("$.sharedWith[0]").value("bob@test.proxima.fr"))
				.andReturn()
				.getResponse()
				.getHeader("Location"));
			String everyone = created(mvc
				.perform(json(post("/api/coverage/scenarios"),
						"{\"name\":\"access-test everyone\",\"visibility\":\"planners\"}")
					.with(alice))
				.andReturn()
				.getResponse()
				.getHeader("Location"));
			// bob reads the shared one but may not change or delete it; the private one
			// is refused
			mvc.perform(get(shared).with(bob))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.editable").value(false));
			mvc.perform(json(put(shared), "{\"name\":\"access-test taken\"}").with(bob))
				.andExpect(status().isForbidden());
			mvc.perform(delete(shared).with(bob)).andExpect(status().isForbidden());
			mvc.perform(get(priv).with(bob)).andExpect(status().isForbidden());
			mvc.perform(json(put(priv), "{\"name\":\"access-test taken\"}").with(bob))
				.andExpect(status().isForbidden());
			mvc.perform(delete(priv).with(bob)).andExpect(status().isForbidden());
			// carol, not named, reads only the one visible to every planner
			mvc.perform(get(shared).with(carol)).andExpect(status().isForbidden());
			mvc.perform(get(everyone).with(carol)).andExpect(status().isOk());
			mvc.perform(get("/api/coverage/scenarios").with(carol))
				.andExpect(jsonPath("$.items[?(@.name=='access-test everyone')]").exists())
				.andExpect(jsonPath("$.items[?(@.name=='access-test private')]").isEmpty())
				.andExpect(jsonPath("$.items[?(@.name=='access-test shared')]").isEmpty());
			mvc.perform(get("/api/coverage/scenarios").with(bob))
				.andExpect(jsonPath("$.items[?(@.name=='access-test shared')]").exists());
			// a full first page counts what bob may read, the shared and the everyone one
			// at least (issue 15: the count is no longer a repository @Query)
			int readable = com.jayway.jsonpath.JsonPath
				.read(mvc.perform(get("/api/coverage/scenarios?limit=500").with(bob))
					.andReturn()
					.getResponse()
					.getContentAsString(), "$.items.length()");
			assertThat(readable).isGreaterThanOrEqualTo(2);
			mvc.perform(get("/api/coverage/scenarios?limit=1").with(bob))
				.andExpect(jsonPath("$.items.length()").value(1))
				.andExpect(jsonPath("$.total").value(readable));
			// the author changes and deletes its own
			mvc.perform(json(put(shared), "{\"name\":\"access-test renamed\"}").with(alice))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.editable").value(true));
			mvc.perform(delete(priv).with(alice)).andExpect(status().isNoContent());
			// sharing with someone who is not a planner is refused
			mvc.perform(json(put(everyone),
					"{\"name\":\"access-test everyone\",\"visibility\":\"shared\",\"sharedWith\":[\"nobody@test.proxima.fr\"]}")
				.with(alice))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail", containsString("nobody")));
		}

		static String created(String location) {
			return location;
		}

		// issue 15: an anonymous route or isochrone read takes a lean chain; any
		// credential,
		// another method or another path takes the main one, where tokens are checked
		@Test
		void onlyCredentialFreeRoutingReadsSkipTheMainChain() throws Exception {
			assertThat(filters(request("GET", "/api/routing/route"))).doesNotContain("ActorFilter", "CsrfFilter")
				.contains("AuthorizationFilter", "SecurityContextHolderFilter");
			assertThat(filters(request("HEAD", "/api/routing/isochrones"))).doesNotContain("ActorFilter");
			MockHttpServletRequest bearer = request("GET", "/api/routing/route");
			bearer.addHeader("Authorization", "Bearer pxm_x");
			MockHttpServletRequest admin = request("GET", "/api/routing/route");
			admin.addHeader("X-Proxima-Admin-Token", "x");
			MockHttpServletRequest session = request("GET", "/api/routing/route");
			session.setRequestedSessionId("abc");
			for (MockHttpServletRequest main : List.of(bearer, admin, session, request("POST", "/api/routing/route"),
					request("GET", "/api/routing/matrix"), request("GET", "/api/routing/route/x"),
					request("GET", "/api/account"))) {
				assertThat(filters(main)).as(main.getMethod() + " " + main.getRequestURI())
					.contains("ActorFilter", "CsrfFilter", "AuthorizationFilter");
			}
			String route = "/api/routing/route?from=3.50,44.52&to=3.60,44.55";
			mvc.perform(get(route))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.properties.seconds").isNumber())
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().doesNotExist("Set-Cookie"));
			mvc.perform(get(route).with(TestUsers.bearer("pxm_made-up")))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.detail", containsString("revoked or expired")));
			long user = TestUsers.user(jdbc, "rita@test.proxima.fr", List.of(orgA), Role.CONTRIBUTOR);
			mvc.perform(get(route).with(TestUsers.bearer(TestUsers.token(jdbc, user)))).andExpect(status().isOk());
		}

		static MockHttpServletRequest request(String method, String path) {
			MockHttpServletRequest request = new MockHttpServletRequest(method, path);
			request.setServletPath(path);
			return request;
		}

		/** Simple names of the filters of the first chain that takes the request. */
		List<String> filters(MockHttpServletRequest request) {
			return chains.stream()
				.filter(c -> c.matches(request))
				.findFirst()
				.orElseThrow()
				.getFilters()
				.stream()
				.map(f -> f.getClass().getSimpleName())
				.toList();
		}

		@Test
		void disabledUsersAndRevokedOrExpiredTokensAreRefused() throws Exception {
			long user = TestUsers.user(jdbc, "dora@test.proxima.fr", List.of(orgA), Role.CONTRIBUTOR);
			String live = TestUsers.token(jdbc, user);
			mvc.perform(get("/api/account").with(TestUsers.bearer(live)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.email").value("dora@test.proxima.fr"))
				.andExpect(jsonPath("$.roles[0]").value("CONTRIBUTOR"));
			String revoked = TestUsers.token(jdbc, user);
			jdbc.update("UPDATE api_token SET revoked_at = ? WHERE token_hash = ?", OffsetDateTime.now(),
					fr.proxima.accounts.internal.Secrets.sha256(revoked));
			String expired = TestUsers.token(jdbc, user);
			jdbc.update("UPDATE api_token SET expires_at = ? WHERE token_hash = ?",
					OffsetDateTime.now().minusMinutes(1), fr.proxima.accounts.internal.Secrets.sha256(expired));
			for (String dead : List.of(revoked, expired, "pxm_made-up")) {
				mvc.perform(get("/api/account").with(TestUsers.bearer(dead)))
					.andExpect(status().isUnauthorized())
					.andExpect(jsonPath("$.detail", containsString("revoked or expired")));
			}
			jdbc.update("UPDATE app_user SET enabled = FALSE WHERE id = ?", user);
			mvc.perform(json(patch("/api/manage/offers/" + offerA), "{\"phone\":\"0466000005\"}")
				.with(TestUsers.bearer(live))).andExpect(status().isUnauthorized());
			jdbc.update("UPDATE app_user SET enabled = TRUE WHERE id = ?", user);
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
