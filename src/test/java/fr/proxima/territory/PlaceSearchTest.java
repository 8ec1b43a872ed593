package fr.proxima.territory;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import fr.proxima.support.SharedDataContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// issue 9: the map's place search (commune name prefix, postcode, INSEE code) and the département borders, on the
// imported Lozère data, on both databases
class PlaceSearchTest {

	abstract static class Contract extends SharedDataContract {

		private List<String> codes(String query) throws Exception {
			return JsonPath.read(ok("/api/places?q=" + query), "$[*].code");
		}

		@Test
		void namePrefixIgnoresCaseAccentsHyphensAndApostrophes() throws Exception {
			for (String q : List.of("Mende", "MENDE", "mend", "  mende ")) {
				assertThat(codes(q)).as(q).startsWith("48095");
			}
			String body = ok("/api/places?q=saint chely");
			assertThat(JsonPath.<List<String>>read(body, "$[*].name")).startsWith("Saint-Chély-d'Apcher")
				.contains("Saint-Chély-d'Aubrac");
			assertThat(codes("SAINT-CHÉLY-D’APCHER")).containsExactly("48140");
			assertThat(codes("saint-chely-d'apcher")).containsExactly("48140");
			assertThat(JsonPath.<List<String>>read(body, "$[*].matchedBy")).containsOnly("name");
			assertThat(JsonPath.<List<Double>>read(ok("/api/places?q=Mende"), "$[0].representativePoint.coordinates"))
				.hasSize(2);
			assertThat(JsonPath.<List<Double>>read(ok("/api/places?q=Mende"), "$[0].bbox")).hasSize(4);
			// a prefix only: "ende" is not Mende
			assertThat(codes("ende")).doesNotContain("48095");
			assertThat(codes("zzzz")).isEmpty();
		}

		@Test
		void fiveDigitsFindTheInseeCodeThenThePostcodeOfTheOffers() throws Exception {
			String insee = ok("/api/places?q=48095");
			assertThat(JsonPath.<String>read(insee, "$[0].name")).isEqualTo("Mende");
			assertThat(JsonPath.<String>read(insee, "$[0].matchedBy")).isEqualTo("insee");
			String postcode = ok("/api/places?q=48000");
			assertThat(JsonPath.<String>read(postcode, "$[0].code")).isEqualTo("48095");
			assertThat(JsonPath.<List<String>>read(postcode, "$[*].matchedBy")).containsOnly("postcode");
			assertThat(JsonPath.<List<String>>read(postcode, "$[0].postcodes")).contains("48000");
			assertThat(codes("48200")).startsWith("48140");
			// INSEE code 48110 is Paulhac-en-Margeride; no offer has postcode 48110's
			// communes
			assertThat(JsonPath.<String>read(ok("/api/places?q=48110"), "$[0].name")).isEqualTo("Paulhac-en-Margeride");
		}

		@Test
		void badPlaceQueriesGetProblemDetails() throws Exception {
			problem("/api/places?q=", 400, "q is required");
			problem("/api/places?q=mende&limit=0", 400, "limit");
			problem("/api/places?q=mende&limit=21", 400, "limit");
			problem("/api/places?q=" + "a".repeat(101), 400, "too long");
		}

		@Test
		void departementBordersAreDrawnFromTheStore() throws Exception {
			String body = mvc.perform(get("/api/departements.geojson"))
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith("application/geo+json"))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(JsonPath.<List<String>>read(body, "$.features[*].id")).contains("48");
			assertThat(JsonPath.<List<String>>read(body, "$.features[?(@.id == '48')].geometry.type")).singleElement()
				.satisfies(type -> assertThat(type).isIn("Polygon", "MultiPolygon"));
			assertThat(JsonPath.<List<String>>read(body, "$.features[?(@.id == '48')].properties.name"))
				.containsExactly("Lozère");
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
