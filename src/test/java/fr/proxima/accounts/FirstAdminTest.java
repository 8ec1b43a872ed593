package fr.proxima.accounts;

import fr.proxima.support.H2Test;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// issue 11: the first start creates the first admin from PROXIMA_ADMIN_EMAIL with a one-time setup link in the log
@SpringBootTest
@AutoConfigureMockMvc
@H2Test
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "proxima.accounts.admin-email=First.Admin@Test.Proxima.fr",
		"spring.datasource.url=jdbc:h2:mem:proxima-first-admin;DB_CLOSE_DELAY=-1" })
class FirstAdminTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void firstAdminChoosesItsPasswordThroughTheOneTimeLinkOfTheLog(CapturedOutput output) throws Exception {
		// the context started before this method: its log line is in the captured output
		// of the JVM
		String link = output.getAll()
			.lines()
			.filter(l -> l.contains("First admin first.admin@test.proxima.fr created"))
			.findFirst()
			.orElse(null);
		if (link == null) {
			// the context was started by the extension before capture began: ask for a
			// new link as an admin would
			link = "x/login/setup.html#" + newLink();
		}
		String secret = link.substring(link.indexOf("/login/setup.html#") + "/login/setup.html#".length()).trim();
		assertThat(jdbc.queryForObject("SELECT password_hash FROM app_user WHERE email = 'first.admin@test.proxima.fr'",
				String.class))
			.as("no password until the admin chooses one")
			.isNull();
		mvc.perform(post("/api/account/setup").with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\":\"" + secret + "\",\"password\":\"an admin passphrase\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value("first.admin@test.proxima.fr"));
		// the link works once
		mvc.perform(post("/api/account/setup").with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\":\"" + secret + "\",\"password\":\"another passphrase\"}"))
			.andExpect(status().isGone());
		var session = new org.springframework.mock.web.MockHttpSession();
		mvc.perform(post("/login").param("email", "first.admin@test.proxima.fr")
			.param("password", "an admin passphrase")
			.session(session)
			.accept(MediaType.APPLICATION_JSON)
			.with(csrf())).andExpect(status().isOk());
		mvc.perform(get("/api/admin/users").session(session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].roles[0]").value("ADMIN"));
		mvc.perform(get("/actuator/health").session(session)).andExpect(jsonPath("$.components").exists());
	}

	String newLink() {
		throw new AssertionError("the setup link of the first admin was not written to the log");
	}

}
