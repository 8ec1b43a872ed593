package fr.proxima.accounts;

import java.util.List;

import fr.proxima.accounts.internal.AccountService;
import fr.proxima.accounts.internal.LoginThrottle;
import fr.proxima.support.H2Test;
import fr.proxima.support.TestUsers;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// issue 11: passwords hashed by the delegating encoder, CSRF on every session write, a new session id at sign-in,
// throttled failures, personal tokens shown once
@SpringBootTest
@AutoConfigureMockMvc
@H2Test
class SignInTest {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AccountService accounts;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	LoginThrottle throttle;

	@BeforeEach
	void forgetFailures() {
		throttle.clear();
	}

	long userWithPassword(String email, Role... roles) {
		long id = TestUsers.user(jdbc, email, List.of(), roles);
		jdbc.update("UPDATE app_user SET password_hash = ? WHERE id = ?", accounts.hash(PASSWORD), id);
		return id;
	}

	MvcResult signIn(String email, String password, MockHttpSession session) throws Exception {
		return mvc
			.perform(post("/login").param("email", email)
				.param("password", password)
				.session(session)
				.accept(MediaType.APPLICATION_JSON)
				.with(csrf()))
			.andReturn();
	}

	static RequestPostProcessor from(String address) {
		return r -> {
			r.setRemoteAddr(address);
			return r;
		};
	}

	@Test
	void passwordsAreStoredHashedByTheDelegatingEncoderAndShortOnesRefused() throws Exception {
		long id = userWithPassword("hash@test.proxima.fr");
		String stored = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE id = ?", String.class, id);
		assertThat(stored).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
		assertThat(encoder.matches(PASSWORD, stored)).isTrue();
		assertThat(encoder.matches("wrong password!", stored)).isFalse();
		// two users with the same password get different hashes (salted)
		long other = userWithPassword("hash2@test.proxima.fr");
		assertThat(jdbc.queryForObject("SELECT password_hash FROM app_user WHERE id = ?", String.class, other))
			.isNotEqualTo(stored);
		MockHttpSession session = new MockHttpSession();
		assertThat(signIn("hash@test.proxima.fr", PASSWORD, session).getResponse().getStatus()).isEqualTo(200);
		mvc.perform(post("/api/account/password").session(session)
			.with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"short\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("at least 12 characters")));
	}

	@Test
	void sessionWritesNeedTheCsrfTokenFromTheCookieInTheHeader() throws Exception {
		userWithPassword("session@test.proxima.fr", Role.PLANNER);
		MockHttpSession session = new MockHttpSession();
		MvcResult in = signIn("session@test.proxima.fr", PASSWORD, session);
		assertThat(in.getResponse().getStatus()).isEqualTo(200);
		// session fixation: SessionOverHttpTest checks the new session id over real HTTP
		mvc.perform(get("/api/account").session(session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value("session@test.proxima.fr"));

		// the session's CSRF token (pages read it from the XSRF-TOKEN cookie:
		// SessionOverHttpTest), sent back
		// in the X-XSRF-TOKEN header
		String token = mvc.perform(get("/api/account/csrf").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		Cookie cookie = new Cookie("XSRF-TOKEN", token);
		String body = "{\"name\":\"csrf-test\"}";
		mvc.perform(
				post("/api/coverage/scenarios").session(session).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("CSRF")));
		mvc.perform(post("/api/coverage/scenarios").session(session)
			.cookie(cookie)
			.param("_csrf", cookie.getValue())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());
		// the accepted handshake (cookie value in the header) is checked over real HTTP:
		// SessionOverHttpTest
		// signing in and out are forms: both need the token too
		mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
		mvc.perform(post("/login").param("email", "session@test.proxima.fr").param("password", PASSWORD))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login/?next=%2Flogin"));
		mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login/?logout"));
		mvc.perform(get("/api/account").session(session)).andExpect(status().isUnauthorized());
		jdbc.update("DELETE FROM scenario WHERE name = 'csrf-test'");
	}

	@Test
	void failedSignInsAreThrottledPerAccountAndPerAddress() throws Exception {
		userWithPassword("throttled@test.proxima.fr");
		for (int i = 0; i < 5; i++) {
			assertThat(signIn("throttled@test.proxima.fr", "not the password", new MockHttpSession()).getResponse()
				.getStatus()).isEqualTo(401);
		}
		MvcResult refused = signIn("throttled@test.proxima.fr", PASSWORD, new MockHttpSession());
		assertThat(refused.getResponse().getStatus()).as("the right password is refused while throttled")
			.isEqualTo(429);
		assertThat(refused.getResponse().getHeader("Retry-After")).isNotBlank();
		mvc.perform(post("/login").param("email", "throttled@test.proxima.fr").param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login/?throttled"));

		// per address: 20 failures on as many accounts from one address stop a 21st
		// account there, not elsewhere
		userWithPassword("elsewhere@test.proxima.fr");
		for (int i = 0; i < 20; i++) {
			mvc.perform(post("/login").param("email", "guess" + i + "@test.proxima.fr")
				.param("password", "x")
				.with(from("203.0.113.7"))
				.with(csrf()));
		}
		mvc.perform(post("/login").param("email", "elsewhere@test.proxima.fr")
			.param("password", PASSWORD)
			.accept(MediaType.APPLICATION_JSON)
			.with(from("203.0.113.7"))
			.with(csrf())).andExpect(status().isTooManyRequests());
		mvc.perform(post("/login").param("email", "elsewhere@test.proxima.fr")
			.param("password", PASSWORD)
			.accept(MediaType.APPLICATION_JSON)
			.with(from("198.51.100.1"))
			.with(csrf())).andExpect(status().isOk());
	}

	@Test
	void personalTokensAreShownOnceStoredHashedAndRevocable() throws Exception {
		long id = TestUsers.user(jdbc, "tokens@test.proxima.fr", List.of(), Role.PLANNER);
		RequestPostProcessor me = TestUsers.bearer(TestUsers.token(jdbc, id));
		String created = mvc
			.perform(post("/api/account/tokens").with(me)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"QGIS\",\"days\":30}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.token", containsString("pxm_")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = created.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		long tokenId = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_token WHERE token_hash = ?", Long.class, secret))
			.as("the secret itself is not stored")
			.isZero();
		mvc.perform(get("/api/account/tokens").with(me))
			.andExpect(jsonPath("$[?(@.name=='QGIS')].expiresAt").exists())
			.andExpect(jsonPath("$[0].token").doesNotExist());
		mvc.perform(get("/api/coverage/scenarios").with(TestUsers.bearer(secret))).andExpect(status().isOk());
		mvc.perform(delete("/api/account/tokens/" + tokenId).with(me)).andExpect(status().isNoContent());
		mvc.perform(get("/api/coverage/scenarios").with(TestUsers.bearer(secret))).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/account/tokens").with(me)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"forever\",\"days\":10000}")).andExpect(status().isBadRequest());
		// another user's token is not found for me
		long other = TestUsers.user(jdbc, "other-tokens@test.proxima.fr", List.of(), Role.PLANNER);
		TestUsers.token(jdbc, other);
		long otherToken = jdbc.queryForObject("SELECT MAX(id) FROM api_token WHERE user_id = ?", Long.class, other);
		mvc.perform(delete("/api/account/tokens/" + otherToken).with(me)).andExpect(status().isNotFound());
		mvc.perform(get("/api/account").with(me)).andExpect(header().doesNotExist("Set-Cookie"));
	}

}
