package fr.proxima.ogc;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import fr.proxima.support.H2Test;
import fr.proxima.support.LozereServer;
import fr.proxima.support.PostgisTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

// issue 14: the checks OGC API Features implementers most often fail, on the real Lozère data
class OgcApiContractTest {

	static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

	static final String L93 = "http://www.opengis.net/def/crs/EPSG/0/2154";

	abstract static class Contract extends LozereServer {

		@Test
		void landingPageLinksEveryRequiredResourceWithItsType() {
			String body = ok("/ogc");
			assertThat(type(body, "self")).isEqualTo("application/json");
			assertThat(type(body, "service-desc")).isEqualTo("application/vnd.oai.openapi+json;version=3.0");
			assertThat(type(body, "service-doc")).isEqualTo("text/html");
			assertThat(type(body, "conformance")).isEqualTo("application/json");
			assertThat(type(body, "data")).isEqualTo("application/json");
			String desc = JsonPath.<List<String>>read(body, "$.links[?(@.rel == 'service-desc')].href").get(0);
			HttpResponse<byte[]> api = get(desc.substring(url("").length()));
			assertThat(api.statusCode()).isEqualTo(200);
			assertThat(api.headers().firstValue("Content-Type").orElseThrow())
				.isEqualTo("application/vnd.oai.openapi+json;version=3.0");
			assertThat(get("/ogc?f=html").headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
			assertThat(get("/ogc/collections", "Accept", "text/html,application/xhtml+xml").headers()
				.firstValue("Content-Type")
				.orElseThrow()).startsWith("text/html");
		}

		@Test
		void conformanceDeclaresTheStandardUris() {
			assertThat(JsonPath.<List<String>>read(ok("/ogc/conformance"), "$.conformsTo")).contains(
					"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
					"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
					"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
					"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
					"http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");
		}

		@Test
		void openApiDocumentIsSelfContainedAndDeclaresLimitAndFilters() {
			String api = ok("/ogc/api");
			assertThat(JsonPath.<String>read(api, "$.openapi")).startsWith("3.0");
			assertThat(JsonPath.<Integer>read(api, "$.components.parameters.limit.schema.maximum")).isEqualTo(1000);
			List<String> names = JsonPath.read(api, "$.paths['/collections/offers/items'].get.parameters[*].name");
			assertThat(names).contains("family", "audience", "commune", "departement");
			assertThat(api).doesNotContain("\"$ref\":\"http");
		}

		@Test
		void collectionsListTheFourPublicCollectionsWithCrs() {
			String body = ok("/ogc/collections");
			assertThat(JsonPath.<List<String>>read(body, "$.collections[*].id")).containsExactly("offers", "communes",
					"departements", "coverage");
			assertThat(JsonPath.<List<String>>read(body, "$.collections[0].crs")).contains(CRS84, L93);
			assertThat(JsonPath.<List<Double>>read(body, "$.collections[0].extent.spatial.bbox[0]")).hasSize(4);
		}

		@Test
		void limitOverTheMaximumIsClamped() {
			String body = ok("/ogc/collections/offers/items?limit=5000");
			assertThat(JsonPath.<Integer>read(body, "$.numberReturned")).isEqualTo(1000);
			assertThat(JsonPath.<List<?>>read(body, "$.features")).hasSize(1000);
			assertThat(JsonPath.<Integer>read(body, "$.numberMatched")).isGreaterThan(1000);
			assertThat(JsonPath.<String>read(body, "$.timeStamp")).endsWith("Z");
		}

		@Test
		void numberMatchedIsTheTotalAcrossPagesFollowingNextLinks() {
			long lozere = jdbc.queryForObject("SELECT COUNT(*) FROM offer o JOIN commune c ON c.code = o.commune_code"
					+ " WHERE c.departement_code = '48'", Long.class);
			assertThat(lozere).isEqualTo(274);
			Set<Object> ids = new HashSet<>();
			String next = "/ogc/collections/offers/items?departement=48&limit=100";
			int pages = 0;
			while (next != null) {
				String body = ok(next);
				pages++;
				assertThat(JsonPath.<Integer>read(body, "$.numberMatched")).isEqualTo(274);
				List<Object> pageIds = JsonPath.read(body, "$.features[*].id");
				assertThat(JsonPath.<Integer>read(body, "$.numberReturned")).isEqualTo(pageIds.size());
				ids.addAll(pageIds);
				if (pages > 1) {
					assertThat(JsonPath.<List<?>>read(body, "$.links[?(@.rel == 'prev')]")).hasSize(1);
				}
				List<String> n = JsonPath.read(body, "$.links[?(@.rel == 'next')].href");
				next = n.isEmpty() ? null : n.get(0).substring(url("").length());
			}
			assertThat(pages).isEqualTo(3);
			assertThat(ids).hasSize(274);
		}

		@Test
		void bboxAcrossTheAntimeridianIsTwoBoxes() {
			// 179°E eastwards across the antimeridian to 3.6°E: everything west of 3.6°E
			// in the latitude band
			long expected = jdbc.queryForObject("SELECT COUNT(*) FROM offer WHERE (ST_X(geom) >= 179"
					+ " OR ST_X(geom) <= 3.6) AND ST_Y(geom) BETWEEN 44 AND 45", Long.class);
			assertThat(expected).isPositive();
			String body = ok("/ogc/collections/offers/items?bbox=179,44,3.6,45&limit=1");
			assertThat(JsonPath.<Integer>read(body, "$.numberMatched")).isEqualTo((int) expected);
			String pacific = ok("/ogc/collections/offers/items?bbox=170,-50,-170,50");
			assertThat(JsonPath.<Integer>read(pacific, "$.numberMatched")).isZero();
			assertThat(JsonPath.<List<?>>read(pacific, "$.features")).isEmpty();
			String pole = ok("/ogc/collections/communes/items?bbox=-180,85,180,90");
			assertThat(JsonPath.<Integer>read(pole, "$.numberReturned")).isZero();
		}

		@Test
		void unknownParameterIs400AndUnknownCollectionOrItemIs404() {
			problem("/ogc/collections/offers/items?familly=ehpad", 400);
			problem("/ogc/collections/offers/items?limit=0", 400);
			problem("/ogc/collections/offers/items?bbox=1,2,3", 400);
			problem("/ogc/collections?foo=1", 400);
			problem("/ogc/collections/nothing/items", 404);
			problem("/ogc/collections/nothing", 404);
			problem("/ogc/collections/offers/items/999999999", 404);
		}

		@Test
		void singleItemByIdMatchesTheStore() {
			Map<String, Object> row = jdbc
				.queryForMap("SELECT MIN(id) AS id FROM offer WHERE family = 'ehpad' AND finess_et LIKE '48%'");
			long id = ((Number) row.get("id")).longValue();
			String body = ok("/ogc/collections/offers/items/" + id);
			assertThat(JsonPath.<String>read(body, "$.properties.family")).isEqualTo("ehpad");
			assertThat(JsonPath.<String>read(body, "$.geometry.type")).isEqualTo("Point");
			assertThat(JsonPath.<List<String>>read(body, "$.links[*].rel")).contains("self", "collection");
			String commune = ok("/ogc/collections/communes/items/48095");
			assertThat(JsonPath.<String>read(commune, "$.properties.name")).isEqualTo("Mende");
		}

		@Test
		void lambert93OnRequestWithContentCrs() {
			HttpResponse<byte[]> r = get("/ogc/collections/communes/items/48095?crs=" + enc(L93));
			assertThat(r.statusCode()).isEqualTo(200);
			assertThat(r.headers().firstValue("Content-Crs").orElseThrow()).isEqualTo("<" + L93 + ">");
			String body = new String(r.body(), StandardCharsets.UTF_8);
			boolean multi = JsonPath.<String>read(body, "$.geometry.type").startsWith("Multi");
			List<Double> first = JsonPath.read(body,
					multi ? "$.geometry.coordinates[0][0][0]" : "$.geometry.coordinates[0][0]");
			// Mende lies near (727 000, 6 375 000) in Lambert-93
			assertThat(first.get(0)).isBetween(715_000.0, 740_000.0);
			assertThat(first.get(1)).isBetween(6_365_000.0, 6_385_000.0);
			assertThat(get("/ogc/collections/offers/items?limit=1").headers().firstValue("Content-Crs").orElseThrow())
				.isEqualTo("<" + CRS84 + ">");
			// a 200 m box around a vertex of Mende's boundary, given in Lambert-93, meets
			// Mende
			double x = first.get(0), y = first.get(1);
			String inBox = ok("/ogc/collections/communes/items?bbox=" + (x - 100) + "," + (y - 100) + "," + (x + 100)
					+ "," + (y + 100) + "&bbox-crs=" + enc(L93));
			assertThat(JsonPath.<List<String>>read(inBox, "$.features[*].id")).contains("48095");
		}

		@Test
		void datetimeFiltersOffersBySourceDate() {
			String all = ok("/ogc/collections/offers/items?limit=1");
			String none = ok("/ogc/collections/offers/items?limit=1&datetime=1900-01-01/1900-12-31");
			String open = ok("/ogc/collections/offers/items?limit=1&datetime=../2999-01-01T00:00:00Z");
			assertThat(JsonPath.<Integer>read(none, "$.numberMatched")).isZero();
			assertThat(JsonPath.<Integer>read(open, "$.numberMatched")).isEqualTo((int) (long) jdbc
				.queryForObject("SELECT COUNT(*) FROM offer WHERE source_date IS NOT NULL", Long.class));
			assertThat(JsonPath.<Integer>read(all, "$.numberMatched")).isPositive();
		}

		@Test
		void coverageCollectionTakesFamilyAndThreshold() {
			String body = ok("/ogc/collections/coverage/items?family=ehpad&minutes=30&limit=1000");
			assertThat(JsonPath.<Integer>read(body, "$.numberMatched")).isEqualTo(152);
			assertThat(JsonPath.<List<String>>read(body, "$.features[*].properties.families")).containsOnly("ehpad");
			List<Boolean> covered = JsonPath.read(body, "$.features[*].properties.covered");
			assertThat(covered).contains(true);
			problem("/ogc/collections/coverage/items?family=nothing", 400);
		}

		@Test
		void htmlItemsAreATableOfTheFeatures() {
			HttpResponse<byte[]> r = get("/ogc/collections/communes/items?f=html&departement=48&limit=5");
			String html = new String(r.body(), StandardCharsets.UTF_8);
			assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
			assertThat(html).contains("<table>", "5 objets sur 152", "next page", "<th scope=\"col\">population</th>");
		}

		private static String type(String landing, String rel) {
			List<String> types = JsonPath.read(landing, "$.links[?(@.rel == '" + rel + "')].type");
			assertThat(types).as("links with rel %s", rel).isNotEmpty();
			return types.get(0);
		}

		private void problem(String path, int status) {
			HttpResponse<byte[]> r = get(path);
			assertThat(r.statusCode()).as("GET %s", path).isEqualTo(status);
			assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		}

		static String enc(String s) {
			return URLEncoder.encode(s, StandardCharsets.UTF_8);
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
