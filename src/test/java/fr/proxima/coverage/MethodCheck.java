package fr.proxima.coverage;

import java.util.List;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Asks every coverage endpoint in every format it offers, and checks that each answer
 * says how its times were obtained: {@code method} and {@code estimated} at the top of
 * the JSON and in a GeoJSON layer's metadata, a {@code method} column in every CSV
 * (header included when there are no rows) and property on every feature.
 */
final class MethodCheck {

	private record Endpoint(String path, boolean layer, String... extra) {
	}

	private MethodCheck() {
	}

	/**
	 * @param families service-at-home families (zones and suggestions need them)
	 * @param departement the reported département
	 * @param commune a reported commune to explain
	 */
	static void everyOutputSays(MockMvc mvc, String method, String families, String departement, String commune,
			long scenarioId, RequestPostProcessor planner) throws Exception {
		List<Endpoint> endpoints = List.of(new Endpoint("/api/coverage", true),
				new Endpoint("/api/coverage/uncovered", true), new Endpoint("/api/coverage/accessibility", true),
				new Endpoint("/api/coverage/accessibility/offers", false),
				new Endpoint("/api/coverage/accessibility/explain", false, "commune", commune),
				new Endpoint("/api/coverage/zones", true), new Endpoint("/api/coverage/suggestions", true, "k", "3"),
				new Endpoint("/api/coverage/scenarios/" + scenarioId + "/comparison", true));
		boolean estimated = !"network".equals(method);
		for (Endpoint e : endpoints) {
			mvc.perform(request(e, families, departement, "json", planner))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.method").value(method))
				.andExpect(jsonPath("$.estimated").value(estimated));
			String csv = mvc.perform(request(e, families, departement, "csv", planner))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			List<String> lines = List.of(csv.split("\r\n"));
			int column = List.of(lines.get(0).split(",")).indexOf("method");
			assertThat(column).as("%s CSV header %s", e.path(), lines.get(0)).isNotNegative();
			assertThat(lines.subList(1, lines.size())).as(e.path() + " CSV")
				.allSatisfy(line -> assertThat(line.split(",", -1)[column]).isEqualTo(method));
			if (e.layer()) {
				mvc.perform(request(e, families, departement, "geojson", planner))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.metadata.method").value(method))
					.andExpect(jsonPath("$.metadata.estimated").value(estimated))
					.andExpect(jsonPath("$.metadata.parameters").exists())
					.andExpect(jsonPath("$.features[*].properties.method").value(everyItem(equalTo(method))));
			}
		}
	}

	private static MockHttpServletRequestBuilder request(Endpoint e, String families, String departement, String format,
			RequestPostProcessor planner) {
		MockHttpServletRequestBuilder r = get(e.path()).with(planner)
			.param("families", families)
			.param("departements", departement)
			.param("format", format);
		for (int i = 0; i < e.extra().length; i += 2) {
			r.param(e.extra()[i], e.extra()[i + 1]);
		}
		return r;
	}

}
