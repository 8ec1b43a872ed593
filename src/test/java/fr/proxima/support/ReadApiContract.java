package fr.proxima.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Base of the read-API contract tests: MockMvc over a store that {@link #fillStore()}
 * prepares before every test (the {@link InventedPlaces} rows, or the real import). The
 * concrete classes add {@code @SpringBootTest @AutoConfigureMockMvc} and {@code @H2Test}
 * or {@code @PostgisTest}.
 */
public abstract class ReadApiContract {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcTemplate jdbc;

	@BeforeEach
	void prepareStore() {
		fillStore();
	}

	/**
	 * Puts the rows the tests rely on into the store; runs before every test, so it must
	 * be cheap or idempotent.
	 */
	protected abstract void fillStore();

	/** The JSON body of a GET that must succeed. */
	protected String ok(String url) throws Exception {
		return mvc.perform(get(url))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * Asserts a GET answers an RFC 9457 problem with this status and a detail containing
	 * the given text.
	 */
	protected void problem(String url, int status, String detail) throws Exception {
		mvc.perform(get(url))
			.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.detail", containsString(detail)));
	}

}
