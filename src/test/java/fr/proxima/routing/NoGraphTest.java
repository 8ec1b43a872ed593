package fr.proxima.routing;

import fr.proxima.support.H2Test;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// issue 3: with no road graph configured the app starts and every travel-time answer says "estimate"
@SpringBootTest(properties = "proxima.routing.osm-file=")
@AutoConfigureMockMvc
@H2Test
class NoGraphTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void theEngineIsTheOnlyTravelTimesBeanAndItEstimates() {
		assertThat(context.getBeansOfType(TravelTimes.class)).containsOnlyKeys("travelTimeEngine");
		assertThat(context.getBean(TravelTimes.class).method()).isEqualTo(TravelMethod.ESTIMATE);
	}

	@Test
	void everyAnswerSaysEstimate() throws Exception {
		mvc.perform(get("/api/routing/route").param("from", "1.5218,42.5063").param("to", "1.5806,42.5353"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.properties.method").value("estimate"))
			.andExpect(jsonPath("$.properties.from.status").value("no_graph"))
			.andExpect(jsonPath("$.properties.seconds").isNumber());
		mvc.perform(get("/api/routing/isochrones").param("point", "3.5,44.5").param("minutes", "10,20"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.metadata.method").value("estimate"))
			.andExpect(jsonPath("$.features[*].properties.method", everyItem(is("estimate"))));
		mvc.perform(post("/api/routing/matrix").contentType(MediaType.APPLICATION_JSON)
			.content("{\"sources\": [[3.5, 44.5], [3.6, 44.5]]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.method").value("estimate"))
			.andExpect(jsonPath("$.methods[*][*]", everyItem(is("estimate"))));
		mvc.perform(post("/api/routing/coverage").contentType(MediaType.APPLICATION_JSON)
			.content("{\"sources\": [[3.5, 44.5]], \"minutes\": 20}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.metadata.method").value("estimate"));
		mvc.perform(get("/actuator/health/roadGraph").with(fr.proxima.support.TestUsers.as(jdbc,
				"admin@test.proxima.fr", java.util.List.of(), fr.proxima.accounts.Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.details.mode").value("estimate"));
	}

}
