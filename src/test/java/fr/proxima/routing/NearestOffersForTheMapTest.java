package fr.proxima.routing;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import fr.proxima.support.H2Test;
import fr.proxima.support.InventedPlacesContract;
import fr.proxima.support.PostgisTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import static org.assertj.core.api.Assertions.assertThat;

// issue 9: nearest offers for the map: several families at once, and whether a service's declared zone serves the
// searched commune, on both databases
class NearestOffersForTheMapTest {

	abstract static class Contract extends InventedPlacesContract {

		private static final String NEAR_MENDE = "/api/routing/nearest-offers?point=3.5,44.52&cutoffMinutes=120";

		@Test
		void severalFamiliesAreAskedAtOnce() throws Exception {
			String body = ok(NEAR_MENDE + "&family=ssiad,ehpad,residence_autonomie");
			assertThat(JsonPath.<List<String>>read(body, "$.features[*].properties.family"))
				.containsExactlyInAnyOrder("ssiad", "ehpad", "residence_autonomie");
			assertThat(JsonPath.<List<String>>read(ok(NEAR_MENDE + "&family=ssiad&family=ehpad"),
					"$.features[*].properties.name"))
				.containsExactlyInAnyOrder("SSIAD Invented Hautes Terres", "EHPAD Invented Tilleuls");
			assertThat(JsonPath.<List<String>>read(ok(NEAR_MENDE), "$.features[*].properties.name")).hasSize(5);
			problem(NEAR_MENDE + "&family=ssiad,bakery", 400, "bakery");
		}

		@Test
		void aDeclaredZoneSaysWhetherItServesTheSearchedCommune() throws Exception {
			String served = ok(NEAR_MENDE + "&family=ssiad,ehpad&commune=48902");
			assertThat(JsonPath.<List<Boolean>>read(served,
					"$.features[?(@.properties.family == 'ssiad')].properties.servesCommune"))
				.containsExactly(true);
			assertThat(JsonPath.<List<Boolean>>read(served,
					"$.features[?(@.properties.family == 'ssiad')].properties.declaredZone"))
				.containsExactly(true);
			// the EHPAD declares no zone: it is only near
			assertThat(JsonPath.<List<Object>>read(served,
					"$.features[?(@.properties.family == 'ehpad')].properties.declaredZone"))
				.containsExactly(false);
			assertThat(JsonPath.<List<Object>>read(served,
					"$.features[?(@.properties.family == 'ehpad')].properties.servesCommune"))
				.containsExactly((Object) null);
			String elsewhere = ok(NEAR_MENDE + "&family=ssiad&commune=12202");
			assertThat(JsonPath.<List<Boolean>>read(elsewhere, "$.features[*].properties.servesCommune"))
				.containsExactly(false);
			String noCommune = ok(NEAR_MENDE + "&family=ssiad");
			assertThat(JsonPath.<List<Object>>read(noCommune, "$.features[*].properties.servesCommune"))
				.containsExactly((Object) null);
			assertThat(JsonPath.<List<String>>read(noCommune, "$.features[*].properties.communeCode"))
				.containsExactly("48095");
		}

		@Test
		void aZonePolygonServesTheCommunesWhosePopulationPointItHolds() throws Exception {
			jdbc.update("UPDATE offer SET zone_geom = ST_GeomFromText("
					+ "'MULTIPOLYGON(((3.6 44.5, 3.8 44.5, 3.8 44.7, 3.6 44.7, 3.6 44.5)))', 4326)"
					+ " WHERE name = 'FAM Invented Cévennes'");
			String path = NEAR_MENDE + "&family=disability_housing&commune=";
			assertThat(JsonPath.<List<Boolean>>read(ok(path + "48902"), "$.features[*].properties.servesCommune"))
				.containsExactly(true);
			assertThat(JsonPath.<List<Boolean>>read(ok(path + "48095"), "$.features[*].properties.servesCommune"))
				.containsExactly(false);
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
