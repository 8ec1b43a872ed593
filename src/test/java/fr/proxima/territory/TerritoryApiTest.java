package fr.proxima.territory;

import fr.proxima.support.H2Test;
import fr.proxima.support.InventedPlacesContract;
import fr.proxima.support.PostgisTest;
import fr.proxima.support.TestUsers;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// issue 2: communes and départements read API, actuator health and the OpenAPI description, on both databases
class TerritoryApiTest {

	abstract static class Contract extends InventedPlacesContract {

		@Test
		void departementsListTheirCommuneCounts() throws Exception {
			mvc.perform(get("/api/departements"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(2)))
				.andExpect(jsonPath("$[0].code").value("12"))
				.andExpect(jsonPath("$[0].communeCount").value(0))
				.andExpect(jsonPath("$[1].code").value("48"))
				.andExpect(jsonPath("$[1].communeCount").value(2));
		}

		@Test
		void communesOfADepartementCarryPopulationAndRepresentativePointButNoPolygon() throws Exception {
			mvc.perform(get("/api/communes?departement=48"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(2)))
				.andExpect(jsonPath("$[0].code").value("48095"))
				.andExpect(jsonPath("$[0].cogYear").value(2026))
				.andExpect(jsonPath("$[0].departementCode").value("48"))
				.andExpect(jsonPath("$[0].population.total").value(12000))
				.andExpect(jsonPath("$[0].population.aged75Plus").value(1500))
				.andExpect(jsonPath("$[0].population.aged85Plus").value(500))
				.andExpect(jsonPath("$[0].population.censusYear").value(2023))
				.andExpect(jsonPath("$[0].representativePoint.coordinates[0]").value(3.5))
				.andExpect(jsonPath("$[0].geometry").doesNotExist())
				.andExpect(jsonPath("$[1].code").value("48902"))
				.andExpect(jsonPath("$[1].population").isEmpty());
		}

		@Test
		void communesGeoJsonCarriesTheDisplayPolygons() throws Exception {
			mvc.perform(get("/api/communes.geojson?departement=48"))
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith("application/geo+json"))
				.andExpect(jsonPath("$.type").value("FeatureCollection"))
				.andExpect(jsonPath("$.features", hasSize(2)))
				.andExpect(jsonPath("$.features[0].id").value("48095"))
				.andExpect(jsonPath("$.features[0].geometry.type").value("MultiPolygon"))
				.andExpect(jsonPath("$.features[0].geometry.coordinates[0][0]", hasSize(5)))
				.andExpect(jsonPath("$.features[0].properties.aged75Plus").value(1500))
				.andExpect(jsonPath("$.metadata.total").value(2));
		}

		@Test
		void communeDetailHasPopulationAndGeometry() throws Exception {
			mvc.perform(get("/api/communes/48095"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.name").value("Invented Mende"))
				.andExpect(jsonPath("$.population.total").value(12000))
				.andExpect(jsonPath("$.geometry.type").value("MultiPolygon"));
		}

		@Test
		void unknownOrMalformedTerritoryGetsProblemDetails() throws Exception {
			problem("/api/communes/48999", 404, "48999");
			problem("/api/communes?departement=99", 404, "99");
			problem("/api/communes?departement=Lozere", 400, "Invalid departement");
			problem("/api/communes.geojson?departement=x", 400, "Invalid departement");
			problem("/api/communes", 400, "departement");
		}

		@Test
		void actuatorHealthIsUpWithTheDatabase() throws Exception {
			mvc.perform(get("/actuator/health")
				.with(TestUsers.as(jdbc, "admin@test.proxima.fr", java.util.List.of(), fr.proxima.accounts.Role.ADMIN)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("UP"))
				.andExpect(jsonPath("$.components.db.status").value("UP"));
		}

		@Test
		void openApiDescribesEveryReadEndpointAndGeometries() throws Exception {
			var docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk());
			for (String path : new String[] { "/api/offers", "/api/offers.geojson", "/api/offers/{id}",
					"/api/offers/finess/{finessEt}", "/api/organisations", "/api/organisations/{id}",
					"/api/organisations/finess/{finessEj}", "/api/communes", "/api/communes.geojson",
					"/api/communes/{code}", "/api/departements" }) {
				docs.andExpect(jsonPath("$.paths['" + path + "'].get").exists());
			}
			docs.andExpect(jsonPath("$.paths['/api/offers'].get.parameters[?(@.name == 'bbox')]").exists())
				.andExpect(jsonPath("$.paths['/api/offers'].get.parameters[?(@.name == 'near')]").exists())
				.andExpect(jsonPath("$.paths['/api/offers'].get.responses['400'].content['application/problem+json']")
					.exists())
				.andExpect(jsonPath("$.paths['/api/offers/{id}'].get.responses['404']").exists())
				.andExpect(jsonPath("$.components.schemas.CommuneView.properties.geometry.properties.coordinates")
					.exists());
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
