package fr.proxima.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import fr.proxima.shared.Geo;
import fr.proxima.support.H2Test;
import fr.proxima.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// issue 3: the travel-time REST API on the Andorra graph, in GeoJSON, with enforced limits
@SpringBootTest
@WithAndorraGraph
@AutoConfigureMockMvc
@H2Test
class RoutingApiTest {

	static final String ALV = "1.5218,42.5063";

	static final String ENCAMP = "1.5806,42.5353";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TravelTimeEngine engine;

	@Autowired
	ReachService reach;

	@BeforeEach
	void store() {
		TestStore.clear(jdbc);
		TestStore.departement(jdbc, "99",
				"MULTIPOLYGON(((1.45 42.45, 1.65 42.45, 1.65 42.60, 1.45 42.60, 1.45 42.45)))");
		TestStore.offer(jdbc, "EHPAD Encamp", "ehpad", "elderly", 1.5806, 42.5353);
		TestStore.offer(jdbc, "EHPAD Sant Julià", "ehpad", "all", 1.4914, 42.4636);
		TestStore.offer(jdbc, "EHPAD Pas de la Casa", "ehpad", "elderly", 1.7332, 42.5425);
		TestStore.offer(jdbc, "Foyer Escaldes", "disability_housing", "disabled", 1.5341, 42.5096);
		TestStore.offer(jdbc, "SSIAD Canillo", "ssiad", "elderly", 1.5975, 42.5667);
	}

	@AfterEach
	void clear() {
		TestStore.clear(jdbc);
	}

	@Test
	void routeGivesNetworkTimeDistanceSnappingAndGeometry() throws Exception {
		Route expected = engine.route(Geo.parsePoint("from", ALV), Geo.parsePoint("to", ENCAMP), "car", false);
		mvc.perform(get("/api/routing/route").param("from", ALV).param("to", ENCAMP).param("geometry", "true"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.type").value("Feature"))
			.andExpect(jsonPath("$.geometry.type").value("LineString"))
			.andExpect(jsonPath("$.properties.method").value("network"))
			.andExpect(jsonPath("$.properties.profile").value("car"))
			.andExpect(jsonPath("$.properties.seconds").value(closeTo(expected.leg().seconds(), 0.1)))
			.andExpect(jsonPath("$.properties.from.status").value("snapped"))
			.andExpect(jsonPath("$.properties.from.snapMetres").value(lessThan(100.0)))
			.andExpect(jsonPath("$.properties.to.road", hasSize(2)));
	}

	@Test
	void aRouteFromOutsideTheGraphIsAnEstimateAndSaysWhy() throws Exception {
		mvc.perform(get("/api/routing/route").param("from", "3.5,44.5").param("to", ALV).param("geometry", "true"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.properties.method").value("estimate"))
			.andExpect(jsonPath("$.properties.from.status").value("outside_graph"))
			.andExpect(jsonPath("$.properties.from.method").value("estimate"))
			.andExpect(jsonPath("$.geometry").isEmpty());
	}

	@Test
	void isochronesAreOneRingPerBand() throws Exception {
		mvc.perform(get("/api/routing/isochrones").param("point", ALV).param("minutes", "10,20,30"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.type").value("FeatureCollection"))
			.andExpect(jsonPath("$.features", hasSize(3)))
			.andExpect(jsonPath("$.features[0].properties.fromMinutes").value(0))
			.andExpect(jsonPath("$.features[1].properties.fromMinutes").value(10))
			.andExpect(jsonPath("$.features[2].properties.minutes").value(30))
			.andExpect(jsonPath("$.features[0].geometry.type").value("MultiPolygon"))
			.andExpect(jsonPath("$.metadata.method").value("network"))
			.andExpect(jsonPath("$.metadata.origin.status").value("snapped"));
	}

	@Test
	void theMatrixSaysItsMethodPerCell() throws Exception {
		mvc.perform(post("/api/routing/matrix").contentType(MediaType.APPLICATION_JSON)
			.content("{\"sources\": [[1.5218, 42.5063], [3.5, 44.5]], \"targets\": [[1.5806, 42.5353]],"
					+ " \"cutoffMinutes\": 120}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.method").value("estimate"))
			.andExpect(jsonPath("$.methods[0][0]").value("network"))
			.andExpect(jsonPath("$.methods[1][0]").value("estimate"))
			.andExpect(jsonPath("$.sources[1].status").value("outside_graph"))
			.andExpect(jsonPath("$.seconds[0][0]").value(greaterThan(60.0)))
			.andExpect(jsonPath("$.seconds[1][0]").isEmpty());
	}

	@Test
	void theUnionCoversEachSourcesIsochroneAndItsComplementFillsTheArea() {
		List<Point> sources = List.of(Geo.point(1.5218, 42.5063), Geo.point(1.6676, 42.5766),
				Geo.point(1.4914, 42.4636));
		MultiPolygon area = reach.departementArea("99");
		CoverageArea coverage = reach.coverage(sources, 15, "car", false, area);
		assertThat(coverage.method()).isEqualTo(TravelMethod.NETWORK);
		for (Point source : sources) {
			MultiPolygon one = engine.isochrone(source, List.of(15), "car", false).bands().get(0).reach();
			assertThat(one.difference(coverage.covered()).getArea()).isLessThan(1e-9 + one.getArea() * 1e-6);
		}
		assertThat(coverage.uncovered().intersection(coverage.covered()).getArea()).isLessThan(1e-9);
		assertThat(coverage.uncovered().union(coverage.covered().intersection(area)).getArea())
			.isCloseTo(area.getArea(), org.assertj.core.api.Assertions.within(1e-6));
	}

	@Test
	void coverageAnswersInGeoJsonForAGivenPolygonOrDepartement() throws Exception {
		String polygon = "{\"type\": \"Polygon\", \"coordinates\": [[[1.45, 42.45], [1.65, 42.45], [1.65, 42.60],"
				+ " [1.45, 42.60], [1.45, 42.45]]]}";
		mvc.perform(post("/api/routing/coverage").contentType(MediaType.APPLICATION_JSON)
			.content("{\"sources\": [[1.5218, 42.5063]], \"minutes\": 10, \"area\": {\"geometry\": " + polygon + "}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.features", hasSize(2)))
			.andExpect(jsonPath("$.features[0].properties.kind").value("covered"))
			.andExpect(jsonPath("$.features[1].properties.kind").value("uncovered"))
			.andExpect(jsonPath("$.metadata.method").value("network"));
		mvc.perform(post("/api/routing/coverage").contentType(MediaType.APPLICATION_JSON)
			.content("{\"sources\": [[1.5218, 42.5063]], \"minutes\": 10, \"area\": {\"departement\": \"99\"}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.features", hasSize(2)));
		mvc.perform(post("/api/routing/coverage").contentType(MediaType.APPLICATION_JSON)
			.content("{\"sources\": [[1.5218, 42.5063]], \"minutes\": 10, \"area\": {\"departement\": \"98\"}}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void nearestOffersAreRankedByTravelTimeAndFiltered() throws Exception {
		mvc.perform(get("/api/routing/nearest-offers").param("point", ALV)
			.param("family", "ehpad")
			.param("audience", "elderly")
			.param("limit", "2")
			.param("direction", "in"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.features", hasSize(2)))
			.andExpect(jsonPath("$.features[*].properties.family", everyItem(is("ehpad"))))
			// coming to Andorra la Vella, Sant Julià (for all) is nearer than Encamp by
			// road; Pas de la Casa is farther
			.andExpect(jsonPath("$.features[0].properties.name").value("EHPAD Sant Julià"))
			.andExpect(jsonPath("$.features[1].properties.name").value("EHPAD Encamp"))
			.andExpect(jsonPath("$.features[0].properties.method").value("network"));
		// by default the drive from the point to the offer; direction=in the trip back
		for (String direction : List.of("out", "in")) {
			var request = get("/api/routing/nearest-offers").param("point", ALV)
				.param("family", "ehpad")
				.param("limit", "1");
			String body = mvc.perform(direction.equals("out") ? request : request.param("direction", "in"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			List<Double> at = JsonPath.read(body, "$.features[0].geometry.coordinates");
			double seconds = ((Number) JsonPath.read(body, "$.features[0].properties.seconds")).doubleValue();
			Point from = Geo.parsePoint("point", ALV);
			Point offer = Geo.point(at.get(0), at.get(1));
			Route expected = direction.equals("out") ? engine.route(from, offer, "car", false)
					: engine.route(offer, from, "car", false);
			assertThat(seconds).as(direction).isGreaterThan(60).isCloseTo(expected.leg().seconds(), within(1.0));
		}
		List<NearbyOffer> all = reach.nearestOffers(Geo.point(1.5218, 42.5063), 10, null, null, 120, "car", true);
		assertThat(all).hasSize(5);
		assertThat(all).isSortedAccordingTo((a, b) -> Double.compare(a.leg().seconds(), b.leg().seconds()));
	}

	@Test
	void badInputGetsProblemDetails() throws Exception {
		mvc.perform(get("/api/routing/route").param("from", "abc").param("to", ALV))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("lon,lat")));
		mvc.perform(get("/api/routing/route").param("from", ALV).param("to", ENCAMP).param("profile", "bike"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/routing/isochrones").param("point", ALV).param("minutes", "500"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("120 minutes")));
		mvc.perform(get("/api/routing/isochrones").param("point", ALV).param("minutes", "20,10"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/routing/isochrones").param("point", ALV)
			.param("minutes",
					java.util.stream.IntStream.rangeClosed(1, 11)
						.mapToObj(Integer::toString)
						.collect(Collectors.joining(","))))
			.andExpect(status().isContentTooLarge());
		mvc.perform(get("/api/routing/nearest-offers").param("point", ALV).param("family", "castle"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/routing/isochrones").param("point", ALV).param("minutes", ",10"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("whole numbers")));
		mvc.perform(get("/api/routing/isochrones").param("point", ALV).param("minutes", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("more than 0")));
		mvc.perform(get("/api/routing/nearest-offers").param("point", ALV).param("limit", "0"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/routing/nearest-offers").param("point", ALV).param("limit", "101"))
			.andExpect(status().isContentTooLarge());
		mvc.perform(post("/api/routing/coverage").contentType(MediaType.APPLICATION_JSON)
			.content("{\"sources\": [[1.5218, 42.5063]], \"minutes\": 10,"
					+ " \"area\": {\"departement\": \"99\", \"commune\": \"99001\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("not several")));
	}

	@Test
	void anUnreadableBodySaysWhereAndWhat() throws Exception {
		mvc.perform(post("/api/routing/matrix").contentType(MediaType.APPLICATION_JSON)
			.content("{\"sources\": [[1.5, 42.5]"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("line 1, column")));
		mvc.perform(post("/api/routing/matrix").contentType(MediaType.APPLICATION_JSON)
			.content("{\n \"sources\": [[1.5, 42.5], [\"a\", 42.5]]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("line 2")))
			.andExpect(jsonPath("$.detail", containsString("field sources[1][0]")))
			.andExpect(jsonPath("$.detail", not(containsString("java."))));
	}

	@Test
	void aMatrixOverTheCellLimitIsRefused() throws Exception {
		List<String> sources = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			sources.add("[1.52, 42.50]");
		}
		List<String> targets = sources.subList(0, 1000);
		mvc.perform(post("/api/routing/matrix").contentType(MediaType.APPLICATION_JSON)
			.content("{\"sources\": [" + String.join(",", sources) + "], \"targets\": [" + String.join(",", targets)
					+ "]}"))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.detail", containsString("1001000 cells")));
	}

	@Test
	void healthReportsTheLoadedGraph() throws Exception {
		mvc.perform(get("/actuator/health/roadGraph")
			.with(TestUsers.as(jdbc, "admin@test.proxima.fr", java.util.List.of(), fr.proxima.accounts.Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.details.mode").value("network"))
			.andExpect(jsonPath("$.details.nodes").value(greaterThan(1000)))
			.andExpect(jsonPath("$.details.profiles", hasSize(2)))
			.andExpect(jsonPath("$.details.osmFile").value("andorra.osm.pbf"));
	}

}
