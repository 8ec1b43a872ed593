package fr.proxima.exports;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import fr.proxima.support.H2Test;
import fr.proxima.support.LozereServer;
import fr.proxima.support.PostgisTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

// issue 14: open exports (GeoJSON, CSV, GeoPackage, HSDS 3, data·inclusion) name their sources and dates
class ExportsTest {

	static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	abstract static class Contract extends LozereServer {

		@Test
		void geoJsonExportsHoldEveryFeatureAndNameTheirSources() {
			String offers = ok("/exports/offers.geojson");
			long total = jdbc.queryForObject("SELECT COUNT(*) FROM offer", Long.class);
			assertThat(JsonPath.<List<?>>read(offers, "$.features")).hasSize((int) total);
			assertThat(JsonPath.<List<String>>read(offers, "$.metadata.sources[*].name")).contains("FINESS");
			assertThat(JsonPath.<List<String>>read(offers, "$.metadata.sources[?(@.name == 'FINESS')].date").get(0))
				.matches("\\d{4}-\\d{2}-\\d{2}");
			String communes = ok("/exports/communes.geojson");
			assertThat(JsonPath.<List<String>>read(communes, "$.metadata.sources[*].date")).contains("2026");
			assertThat(JsonPath.<List<?>>read(communes, "$.features"))
				.hasSize(jdbc.queryForObject("SELECT COUNT(*) FROM commune", Integer.class));
			assertThat(JsonPath.<List<?>>read(ok("/exports/departements.geojson"), "$.metadata.sources")).isNotEmpty();
		}

		@Test
		void csvExportsHaveAHeaderOneRowPerFeatureAndLinkTheirSources() {
			HttpResponse<byte[]> r = get("/exports/offers.csv");
			String csv = new String(r.body(), StandardCharsets.UTF_8);
			String[] lines = csv.split("\r\n");
			assertThat(lines[0]).startsWith("id,finess_et,name,family,audience").endsWith(",lon,lat");
			long total = jdbc.queryForObject("SELECT COUNT(*) FROM offer", Long.class);
			assertThat(lines).hasSize((int) total + 1);
			assertThat(r.headers().firstValue("Link").orElseThrow()).contains("/exports/offers.sources.json");
			assertThat(JsonPath.<List<String>>read(ok("/exports/offers.sources.json"), "$.sources[*].name"))
				.contains("FINESS");
			String communes = ok("/exports/communes.csv");
			assertThat(communes.split("\r\n")[0]).endsWith(",wkt");
			assertThat(communes).contains("48095,Mende,48,2026");
			assertThat(get("/exports/tours.csv").statusCode()).isEqualTo(404);
		}

		@Test
		void hsdsExportFollowsTheDocumentedMapping() {
			String hsds = ok("/exports/hsds.json");
			List<Map<String, Object>> services = JsonPath.read(hsds, "$.services");
			List<Map<String, Object>> organizations = JsonPath.read(hsds, "$.organizations");
			List<Map<String, Object>> locations = JsonPath.read(hsds, "$.locations");
			List<Map<String, Object>> links = JsonPath.read(hsds, "$.service_at_locations");
			assertThat(services).hasSize(jdbc.queryForObject("SELECT COUNT(*) FROM offer", Integer.class));
			assertThat(locations)
				.hasSize(jdbc.queryForObject("SELECT COUNT(*) FROM offer WHERE geom IS NOT NULL", Integer.class));
			Set<Object> orgIds = ids(organizations);
			Set<Object> serviceIds = ids(services);
			Set<Object> locationIds = ids(locations);
			for (Map<String, Object> s : services) {
				assertThat(s).containsKeys("id", "name", "status");
				assertThat((String) s.get("id")).matches(UUID);
				if (s.get("organization_id") != null) {
					assertThat(orgIds).contains(s.get("organization_id"));
				}
			}
			organizations.forEach(o -> assertThat(o).containsKeys("id", "name", "description"));
			locations.forEach(l -> assertThat(l).containsKeys("id", "location_type", "latitude", "longitude"));
			for (Map<String, Object> l : links) {
				assertThat(serviceIds).contains(l.get("service_id"));
				assertThat(locationIds).contains(l.get("location_id"));
			}
			assertThat(JsonPath.<List<String>>read(hsds, "$.taxonomy_terms[*].code")).contains("ehpad", "ssiad");
			assertThat(JsonPath.<List<String>>read(hsds, "$.sources[*].name")).contains("FINESS");
		}

		@Test
		void dataInclusionExportHasThematiquesProfilsAndDateMaj() {
			String di = ok("/exports/data-inclusion.json");
			List<Map<String, Object>> services = JsonPath.read(di, "$.services");
			assertThat(services).isNotEmpty()
				.allSatisfy(s -> assertThat((String) s.get("date_maj")).matches("\\d{4}-\\d{2}-\\d{2}"));
			Map<String, Object> ehpad = services.stream()
				.filter(s -> JsonPath.<List<String>>read(s, "$.thematiques").contains("logement-hebergement"))
				.findFirst()
				.orElseThrow();
			assertThat(JsonPath.<List<String>>read(ehpad, "$.profils")).isNotEmpty();
			assertThat(JsonPath.<List<String>>read(di, "$.services[*].profils[*]")).contains("seniors-65",
					"personnes-en-situation-de-handicap");
			Set<Object> structures = ids(JsonPath.read(di, "$.structures"));
			assertThat(services).allSatisfy(s -> assertThat(structures).contains(s.get("structure_id")));
		}

		private static Set<Object> ids(List<Map<String, Object>> rows) {
			Set<Object> ids = new HashSet<>();
			rows.forEach(r -> ids.add(r.get("id")));
			return ids;
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	@H2Test
	class OnH2 extends Contract {

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	@PostgisTest
	class OnPostgis extends Contract {

	}

}
