package fr.proxima;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import fr.proxima.shared.Geo;
import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import fr.proxima.support.SharedDataContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

// issue 2: after importing ../shared/data (Lozère + neighbours), the read API returns the "Done when" figures
class ReadApiOnSharedDataTest {

	abstract static class Contract extends SharedDataContract {

		@Test
		void lozereCommunesCarryTheCensusTotals() throws Exception {
			String body = ok("/api/communes?departement=48");
			assertThat(JsonPath.<List<?>>read(body, "$")).hasSize(152);
			assertThat(JsonPath.<List<Integer>>read(body, "$[*].cogYear")).containsOnly(2026);
			assertThat(sum(JsonPath.read(body, "$[*].population.total"))).isEqualTo(76_486);
			assertThat(sum(JsonPath.read(body, "$[*].population.aged75Plus"))).isEqualTo(10_027);
			assertThat(JsonPath.<List<?>>read(body, "$[*].representativePoint")).hasSize(152);
		}

		@Test
		void lozereEhpadsAndTheirPlaces() throws Exception {
			List<Map<String, Object>> ehpads = JsonPath.read(ok("/api/offers?family=ehpad&limit=500"),
					"$.items[?(@.finessEt =~ /48.*/)]");
			assertThat(ehpads).hasSize(28);
			assertThat(ehpads.stream().mapToLong(e -> ((Number) e.get("capacity")).longValue()).sum()).isEqualTo(1_557);
		}

		@Test
		void nearMendeIsSortedByDistanceConsistentWithTheLocations() throws Exception {
			double lon = 3.4993, lat = 44.5181;
			String body = ok("/api/offers?near=" + lon + "," + lat + "&radius=10000&limit=500");
			List<Double> distances = JsonPath.<List<Number>>read(body, "$.items[*].distanceMetres")
				.stream()
				.map(Number::doubleValue)
				.toList();
			List<List<Number>> positions = JsonPath.read(body, "$.items[*].location.coordinates");
			assertThat(distances).hasSizeGreaterThan(10).isSorted().allMatch(d -> d <= 10_000);
			for (int i = 0; i < distances.size(); i++) {
				double expected = Geo.haversineMetres(lon, lat, positions.get(i).get(0).doubleValue(),
						positions.get(i).get(1).doubleValue());
				assertThat(distances.get(i)).isCloseTo(expected, within(Math.max(5, expected * 0.005)));
			}
			long inRadius = jdbc
				.queryForList("SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat FROM offer" + " WHERE geom IS NOT NULL")
				.stream()
				.filter(r -> Geo.haversineMetres(lon, lat, ((Number) r.get("lon")).doubleValue(),
						((Number) r.get("lat")).doubleValue()) <= 9_950)
				.count();
			assertThat((long) distances.size()).isGreaterThanOrEqualTo(inRadius);
		}

		@Test
		void bboxOverLozereReturnsEveryOfferInsideIt() throws Exception {
			double minLon = 2.98, minLat = 44.11, maxLon = 4.0, maxLat = 44.98;
			String body = ok("/api/offers?bbox=" + minLon + "," + minLat + "," + maxLon + "," + maxLat + "&limit=500");
			List<List<Number>> positions = JsonPath.read(body, "$.items[*].location.coordinates");
			assertThat(positions).isNotEmpty()
				.allMatch(p -> p.get(0).doubleValue() >= minLon && p.get(0).doubleValue() <= maxLon
						&& p.get(1).doubleValue() >= minLat && p.get(1).doubleValue() <= maxLat);
			long expected = jdbc.queryForObject(
					"SELECT COUNT(*) FROM offer WHERE ST_X(geom) BETWEEN ? AND ?" + " AND ST_Y(geom) BETWEEN ? AND ?",
					Long.class, minLon, maxLon, minLat, maxLat);
			assertThat(JsonPath.<Integer>read(body, "$.total")).isEqualTo((int) expected);
			assertThat(expected).isGreaterThanOrEqualTo(274);
		}

		@Test
		void finessDetailShowsProvenance() throws Exception {
			String finess = jdbc.queryForObject(
					"SELECT MIN(finess_et) FROM offer WHERE family = 'ehpad'" + " AND finess_et LIKE '48%'",
					String.class);
			String body = ok("/api/offers/finess/" + finess);
			assertThat(JsonPath.<String>read(body, "$.finessEt")).isEqualTo(finess);
			assertThat(JsonPath.<String>read(body, "$.provenance.sourceName")).isNotBlank();
			assertThat(JsonPath.<String>read(body, "$.provenance.importedAt")).isNotBlank();
			assertThat(JsonPath.<Integer>read(body, "$.capacity")).isPositive();
		}

		private static long sum(List<Number> values) {
			return values.stream().mapToLong(Number::longValue).sum();
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
