package fr.proxima.routing;

import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// issue 12: the catchment population of an area, by the share of each commune's area inside it, on invented square
// communes whose shares are computed by hand (0.1° squares cut along straight lines: the share is a length ratio)
class CatchmentPopulationTest {

	abstract static class Contract {

		@Autowired
		MockMvc mvc;

		@Autowired
		JdbcTemplate jdbc;

		@BeforeEach
		void inventedCommunes() {
			TestStore.clear(jdbc);
			jdbc.update("DELETE FROM population");
			TestStore.departement(jdbc, "99", "MULTIPOLYGON(((2.9 43.9, 3.7 43.9, 3.7 44.2, 2.9 44.2, 2.9 43.9)))");
			square("99001", 3.0, 1000, 200, 50); // A: lon 3.0 to 3.1
			square("99002", 3.1, 400, 100, 40); // B: lon 3.1 to 3.2
			square("99003", 3.2, null, null, null); // C: lon 3.2 to 3.3, no census row
			square("99004", 3.5, 5000, 900, 300); // D: lon 3.5 to 3.6, far from the
													// others
		}

		@AfterEach
		void clear() {
			TestStore.clear(jdbc);
			jdbc.update("DELETE FROM population");
		}

		/** A commune of lon [west, west + 0.1] × lat [44.0, 44.1]. */
		void square(String code, double west, Integer total, Integer aged75, Integer aged85) {
			double east = Math.round((west + 0.1) * 10) / 10.0;
			String wkt = "MULTIPOLYGON(((%1$s 44.0, %2$s 44.0, %2$s 44.1, %1$s 44.1, %1$s 44.0)))".formatted(west,
					east);
			jdbc.update(
					"INSERT INTO commune (code, name, departement_code, cog_year, geom, display_geom, rep_point)"
							+ " VALUES (?, ?, '99', 2026, ST_GeomFromText(?, 4326), ST_GeomFromText(?, 4326),"
							+ " ST_SetSRID(ST_MakePoint(?, 44.05), 4326))",
					code, "Invented " + code, wkt, wkt, west + 0.05);
			if (total != null) {
				jdbc.update("INSERT INTO population (commune_code, census_year, total, aged_75_plus, aged_85_plus)"
						+ " VALUES (?, 2022, ?, ?, ?)", code, total, aged75, aged85);
			}
		}

		ResultActions catchment(String body, String query) throws Exception {
			return mvc
				.perform(post("/api/routing/catchment" + query).contentType(MediaType.APPLICATION_JSON).content(body));
		}

		@Test
		void polygonOverHalfOfAAllOfBAndAQuarterOfCCountsThoseShares() throws Exception {
			// lon 3.05 to 3.225: A 0.05/0.1 = 0.5, B 1, C 0.025/0.1 = 0.25 (no census), D
			// 0
			String area = "{\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[3.05, 44.0], [3.225, 44.0],"
					+ " [3.225, 44.1], [3.05, 44.1], [3.05, 44.0]]]}}";
			catchment(area, "").andExpect(status().isOk())
				.andExpect(jsonPath("$.features[0].properties.basis").value("area_share"))
				// 0.5 × 1000 + 1 × 400; 0.5 × 200 + 100; 0.5 × 50 + 40
				.andExpect(jsonPath("$.features[0].properties.population").value(closeTo(900.0, 1e-6)))
				.andExpect(jsonPath("$.features[0].properties.aged75Plus").value(closeTo(200.0, 1e-6)))
				.andExpect(jsonPath("$.features[0].properties.aged85Plus").value(closeTo(65.0, 1e-6)))
				.andExpect(jsonPath("$.features[0].properties.method").value(nullValue()))
				.andExpect(jsonPath("$.metadata.missingPopulation", contains("99003")))
				.andExpect(jsonPath("$.metadata.communes", hasSize(3)))
				.andExpect(jsonPath("$.metadata.communes[0].code").value("99001"))
				.andExpect(jsonPath("$.metadata.communes[0].share").value(closeTo(0.5, 1e-6)))
				.andExpect(jsonPath("$.metadata.communes[0].populationInside").value(closeTo(500.0, 1e-6)))
				.andExpect(jsonPath("$.metadata.communes[1].share").value(closeTo(1.0, 1e-6)))
				.andExpect(jsonPath("$.metadata.communes[2].share").value(closeTo(0.25, 1e-6)))
				.andExpect(jsonPath("$.metadata.communes[2].populationInside").value(nullValue()));
		}

		@Test
		void twoSeparatePartsAddTheirShares() throws Exception {
			// lon 3.0 to 3.02 over A (share 0.2) and lat 44.075 to 44.1 over B (share
			// 0.25)
			String area = "{\"geometry\": {\"type\": \"MultiPolygon\", \"coordinates\": ["
					+ "[[[3.0, 44.0], [3.02, 44.0], [3.02, 44.1], [3.0, 44.1], [3.0, 44.0]]],"
					+ "[[[3.1, 44.075], [3.2, 44.075], [3.2, 44.1], [3.1, 44.1], [3.1, 44.075]]]]}}";
			catchment(area, "").andExpect(status().isOk())
				// 0.2 × 1000 + 0.25 × 400; 0.2 × 200 + 0.25 × 100; 0.2 × 50 + 0.25 × 40
				.andExpect(jsonPath("$.features[0].properties.population").value(closeTo(300.0, 1e-6)))
				.andExpect(jsonPath("$.features[0].properties.aged75Plus").value(closeTo(65.0, 1e-6)))
				.andExpect(jsonPath("$.features[0].properties.aged85Plus").value(closeTo(20.0, 1e-6)))
				.andExpect(jsonPath("$.metadata.communes", hasSize(2)))
				.andExpect(jsonPath("$.metadata.missingPopulation", hasSize(0)));
		}

		@Test
		void sitesIsochronesCountTheCommuneInsideWholeAndSayTheyAreEstimates() throws Exception {
			// no road graph: a 20-minute estimate is a disk of 10.7 km, holding all of D
			// (half-diagonal 6.9 km) and
			// nothing of C (20 km away); the second site is in open country
			catchment("{\"sources\": [[3.55, 44.05], [3.45, 43.95]], \"minutes\": 20}", "").andExpect(status().isOk())
				.andExpect(jsonPath("$.features[0].properties.population").value(closeTo(5000.0, 1e-6)))
				.andExpect(jsonPath("$.features[0].properties.aged75Plus").value(closeTo(900.0, 1e-6)))
				.andExpect(jsonPath("$.features[0].properties.method").value("estimate"))
				.andExpect(jsonPath("$.features[0].properties.estimated").value(is(true)))
				.andExpect(jsonPath("$.features[0].geometry.type").value("MultiPolygon"))
				.andExpect(jsonPath("$.metadata.communes", hasSize(1)))
				.andExpect(jsonPath("$.metadata.sources", hasSize(2)));
		}

		@Test
		void offersByIdAreTheirPositionsAndTheTableComesAsCsv() throws Exception {
			long offer = TestStore.offer(jdbc, "Invented EHPAD D", "ehpad", "elderly", 3.55, 44.05);
			catchment("{\"offers\": [" + offer + "], \"minutes\": 20, \"direction\": \"in\"}", "?format=csv")
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith("text/csv"))
				.andExpect(content().string(startsWith("code,name,departement,share,population,aged_75_plus")))
				.andExpect(content()
					.string(containsString("99004,Invented 99004,99,1.0,5000,900,300,5000.0,900.0,300.0,estimate")));
		}

		@Test
		void badRequestsAreProblemDetails() throws Exception {
			catchment("{\"minutes\": 20}", "").andExpect(status().isBadRequest());
			catchment("{\"sources\": [[3.55, 44.05]]}", "").andExpect(status().isBadRequest());
			catchment("{\"offers\": [987654321], \"minutes\": 20}", "").andExpect(status().isBadRequest());
			catchment("{\"sources\": [[3.55, 44.05]], \"minutes\": 20}", "?format=xml")
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
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
