package fr.proxima.offers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import fr.proxima.shared.Geo;
import fr.proxima.support.H2Test;
import fr.proxima.support.InventedPlaces;
import fr.proxima.support.InventedPlaces.InventedOffer;
import fr.proxima.support.InventedPlacesContract;
import fr.proxima.support.PostgisTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// issue 2: offers and organisations read API (filters, near point, paging, detail, bad input) on both databases
class OfferApiTest {

	abstract static class Contract extends InventedPlacesContract {

		@Test
		void bboxKeepsExactlyTheOffersInsideIt() throws Exception {
			double minLon = 3.4, minLat = 44.45, maxLon = 3.6, maxLat = 44.6;
			Set<String> expected = names(o -> o.lon() != null && o.lon() >= minLon && o.lon() <= maxLon
					&& o.lat() >= minLat && o.lat() <= maxLat);
			String body = ok("/api/offers?bbox=" + minLon + "," + minLat + "," + maxLon + "," + maxLat);
			assertThat(expected).hasSizeBetween(2, InventedPlaces.OFFERS.size() - 1);
			assertThat(Set.copyOf(JsonPath.<List<String>>read(body, "$.items[*].name"))).isEqualTo(expected);
			assertThat(JsonPath.<Integer>read(body, "$.total")).isEqualTo(expected.size());
		}

		@Test
		void familyFilterAcceptsSeveralFamiliesCommaSeparated() throws Exception {
			String body = ok("/api/offers?family=ehpad,ssiad");
			assertThat(Set.copyOf(JsonPath.<List<String>>read(body, "$.items[*].family")))
				.containsExactlyInAnyOrder("ehpad", "ssiad");
			assertThat(JsonPath.<Integer>read(body, "$.total"))
				.isEqualTo(names(o -> Set.of("ehpad", "ssiad").contains(o.family())).size());
		}

		@Test
		void audienceFilterAlsoMatchesOffersForEveryone() throws Exception {
			String body = ok("/api/offers?audience=disabled");
			assertThat(Set.copyOf(JsonPath.<List<String>>read(body, "$.items[*].name")))
				.isEqualTo(names(o -> o.audience().equals("disabled") || o.audience().equals("all")));
		}

		@Test
		void communeFilterFindsOffersLocatedThereOrDeclaringItInTheirZone() throws Exception {
			String body = ok("/api/offers?commune=48902");
			assertThat(Set.copyOf(JsonPath.<List<String>>read(body, "$.items[*].name")))
				.isEqualTo(names(o -> "48902".equals(o.communeCode()) || o.zoneCommunes().contains("48902")));
		}

		@Test
		void nameTextIsCaseAndAccentInsensitive() throws Exception {
			for (String q : List.of("eole", "ÉOLE", "résidence invented")) {
				String body = ok("/api/offers?q=" + q);
				assertThat(JsonPath.<List<String>>read(body, "$.items[*].name")).as(q)
					.containsExactly("Résidence Invented Éole");
			}
			assertThat(JsonPath.<Integer>read(ok("/api/offers?q=%25"), "$.total")).as("'%' is literal").isZero();
		}

		@Test
		void nearPointReturnsOffersWithinTheRadiusNearestFirstWithDistances() throws Exception {
			double lon = 3.5, lat = 44.52, radius = 6000;
			List<InventedOffer> expected = InventedPlaces.OFFERS.stream()
				.filter(o -> o.lon() != null && Geo.haversineMetres(lon, lat, o.lon(), o.lat()) <= radius)
				.sorted(Comparator.comparingDouble(o -> Geo.haversineMetres(lon, lat, o.lon(), o.lat())))
				.toList();
			assertThat(expected).hasSizeGreaterThan(2);
			String body = ok("/api/offers?near=" + lon + "," + lat + "&radius=" + (int) radius);
			assertThat(JsonPath.<List<String>>read(body, "$.items[*].name"))
				.containsExactlyElementsOf(expected.stream().map(InventedOffer::name).toList());
			List<Double> distances = JsonPath.<List<Number>>read(body, "$.items[*].distanceMetres")
				.stream()
				.map(Number::doubleValue)
				.toList();
			for (int i = 0; i < expected.size(); i++) {
				InventedOffer o = expected.get(i);
				assertThat(distances.get(i)).isCloseTo(Geo.haversineMetres(lon, lat, o.lon(), o.lat()), within(20.0));
			}
		}

		@Test
		void plainSearchHasNoDistance() throws Exception {
			mvc.perform(get("/api/offers?family=ehpad"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items[0].distanceMetres").doesNotExist())
				.andExpect(jsonPath("$.items[0].location.type").value("Point"));
		}

		// issue 15: a full page is not counted unless the total is asked for; the last
		// page tells it
		@Test
		void pagingWalksAllResultsThroughNextLinks() throws Exception {
			assertThat(JsonPath.<Integer>read(ok("/api/offers?limit=3&total=true"), "$.total"))
				.isEqualTo(InventedPlaces.OFFERS.size());
			mvc.perform(get("/api/offers.geojson?limit=3&total=true"))
				.andExpect(jsonPath("$.metadata.total").value(InventedPlaces.OFFERS.size()));
			String body = ok("/api/offers?limit=3");
			assertThat(JsonPath.<Integer>read(body, "$.total")).as("not counted on a full first page").isNull();
			List<String> seen = new ArrayList<>(JsonPath.<List<String>>read(body, "$.items[*].name"));
			String next = JsonPath.read(body, "$.next");
			int pages = 1;
			while (next != null) {
				assertThat(next).contains("limit=3").contains("offset=" + seen.size());
				body = ok(next.substring(next.indexOf("/api/")));
				seen.addAll(JsonPath.<List<String>>read(body, "$.items[*].name"));
				next = JsonPath.read(body, "$.next");
				pages++;
			}
			assertThat(pages).isEqualTo((InventedPlaces.OFFERS.size() + 2) / 3);
			assertThat(JsonPath.<Integer>read(body, "$.total")).as("the last page tells the total")
				.isEqualTo(InventedPlaces.OFFERS.size());
			assertThat(JsonPath.<List<String>>read(ok("/api/offers?limit=3&offset=1000"), "$.items")).isEmpty();
			assertThat(JsonPath.<Integer>read(ok("/api/offers?limit=3&offset=1000&total=true"), "$.total"))
				.isEqualTo(InventedPlaces.OFFERS.size());
			assertThat(seen).doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(InventedPlaces.OFFERS.stream().map(InventedOffer::name).toList());
		}

		@Test
		void defaultLimitIsReported() throws Exception {
			mvc.perform(get("/api/offers"))
				.andExpect(jsonPath("$.limit").value(50))
				.andExpect(jsonPath("$.offset").value(0))
				.andExpect(jsonPath("$.next").value(nullValue()));
		}

		@Test
		void geoJsonVariantIsAFeatureCollectionOfPoints() throws Exception {
			mvc.perform(get("/api/offers.geojson?family=ehpad"))
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith("application/geo+json"))
				.andExpect(jsonPath("$.type").value("FeatureCollection"))
				.andExpect(jsonPath("$.features[0].type").value("Feature"))
				.andExpect(jsonPath("$.features[0].geometry.type").value("Point"))
				.andExpect(jsonPath("$.features[0].geometry.coordinates[0]").value(3.5))
				.andExpect(jsonPath("$.features[0].geometry.coordinates[1]").value(44.52))
				.andExpect(jsonPath("$.features[0].properties.name").value("EHPAD Invented Tilleuls"))
				.andExpect(jsonPath("$.metadata.total").value(1));
		}

		@Test
		void detailByIdCarriesOrganisationZoneProvenanceAndCapacity() throws Exception {
			long id = jdbc.queryForObject("SELECT id FROM offer WHERE finess_et = '480000002'", Long.class);
			mvc.perform(get("/api/offers/" + id))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.name").value("SSIAD Invented Hautes Terres"))
				.andExpect(jsonPath("$.capacity").value(40))
				.andExpect(jsonPath("$.organisation.name").value("Invented Association A"))
				.andExpect(jsonPath("$.organisation.offerCount").value(3))
				.andExpect(jsonPath("$.zone.communes[0]").value("48095"))
				.andExpect(jsonPath("$.zone.communes[1]").value("48902"))
				.andExpect(jsonPath("$.provenance.sourceName").value("invented"))
				.andExpect(jsonPath("$.provenance.sourceDate").value("2026-01-01"))
				.andExpect(jsonPath("$.provenance.importedAt", containsString("2026-01-02")))
				.andExpect(jsonPath("$.location.coordinates[0]").value(3.52));
		}

		@Test
		void detailByFinessNumber() throws Exception {
			mvc.perform(get("/api/offers/finess/480000004"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.name").value("FAM Invented Cévennes"))
				.andExpect(jsonPath("$.organisation.finessEj").value("480000200"));
		}

		@Test
		void missingOfferIsA404Problem() throws Exception {
			problem("/api/offers/999999", 404, "999999");
			problem("/api/offers/finess/489999999", 404, "489999999");
		}

		@Test
		void badInputGetsProblemDetails() throws Exception {
			problem("/api/offers?bbox=3.4,abc,3.6,44.6", 400, "not a number");
			problem("/api/offers?bbox=3.4,44.4,3.6", 400, "minLon,minLat,maxLon,maxLat");
			problem("/api/offers?bbox=3.4,44.4,3.6,95", 400, "Invalid coordinates");
			problem("/api/offers?bbox=3.6,44.4,3.4,44.6", 400, "Inverted bbox");
			problem("/api/offers?bbox=1,43,5,46", 400, "too large");
			problem("/api/offers?near=200,44.5", 400, "Invalid coordinates");
			problem("/api/offers?near=3.5,x", 400, "not a number");
			problem("/api/offers?near=3.5,44.5&radius=100001", 400, "radius");
			problem("/api/offers?near=3.5,44.5&radius=0", 400, "radius");
			problem("/api/offers?radius=1000", 400, "needs near");
			problem("/api/offers?family=ehpad,castle", 400, "Known families: ehpad");
			problem("/api/offers?audience=children", 400, "Known audiences");
			problem("/api/offers?commune=Mende", 400, "INSEE code");
			problem("/api/offers?limit=501", 400, "between 1 and 500");
			problem("/api/offers?limit=0", 400, "between 1 and 500");
			problem("/api/offers?offset=-1", 400, "offset");
			problem("/api/offers?limit=ten", 400, "Invalid value 'ten' for limit");
			problem("/api/offers?near=3.5,44.5&radius=far", 400, "Invalid value 'far' for radius");
			problem("/api/offers.geojson?bbox=3.6,44.4,3.4,44.6", 400, "Inverted bbox");
		}

		@Test
		void organisationsArePagedAndListTheirOffers() throws Exception {
			mvc.perform(get("/api/organisations?limit=1"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.total").value(2))
				.andExpect(jsonPath("$.items[0].name").value("Invented Association A"))
				.andExpect(jsonPath("$.next", containsString("offset=1")));
			Set<String> ofA = names(o -> "480000100".equals(o.organisationEj()));
			String body = ok("/api/organisations/finess/480000100");
			assertThat(Set.copyOf(JsonPath.<List<String>>read(body, "$.offers[*].name"))).isEqualTo(ofA);
			assertThat(JsonPath.<Integer>read(body, "$.offerCount")).isEqualTo(ofA.size());
			long id = JsonPath.<Number>read(body, "$.id").longValue();
			mvc.perform(get("/api/organisations/" + id))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.finessEj").value("480000100"))
				.andExpect(jsonPath("$.offersLink").value("/api/offers?organisation=" + id));
			assertThat(JsonPath.<Integer>read(ok("/api/offers?organisation=" + id), "$.total")).isEqualTo(ofA.size());
			problem("/api/organisations/999999", 404, "999999");
			problem("/api/organisations/finess/489999999", 404, "489999999");
			problem("/api/organisations?limit=1000", 400, "limit");
		}

		private static Set<String> names(Predicate<InventedOffer> which) {
			return InventedPlaces.OFFERS.stream().filter(which).map(InventedOffer::name).collect(Collectors.toSet());
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
