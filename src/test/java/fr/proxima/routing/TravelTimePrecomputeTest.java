package fr.proxima.routing;

import java.util.List;
import java.util.Map;

import fr.proxima.shared.Geo;
import fr.proxima.shared.OffersChanged;
import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

// issue 3: offer × commune travel times are precomputed with one tree per offer and refreshed when inputs change
class TravelTimePrecomputeTest {

	abstract static class Contract {

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		TravelTimePrecompute precompute;

		@Autowired
		TravelTimeEngine engine;

		@Autowired
		ApplicationEventPublisher events;

		long encamp;

		long pas;

		@BeforeEach
		void store() {
			TestStore.clear(jdbc);
			TestStore.departement(jdbc, "99", null);
			TestStore.commune(jdbc, "99001", "99", 1.5218, 42.5063); // Andorra la Vella
			TestStore.commune(jdbc, "99002", "99", 1.5975, 42.5667); // Canillo
			TestStore.commune(jdbc, "99003", "99", 1.4914, 42.4636); // Sant Julià
			TestStore.commune(jdbc, "99004", "99", 1.4000, 42.4800); // just west of the
																		// graph: estimate
			TestStore.commune(jdbc, "99005", "99", 2.6000, 42.5000); // 90 km east, beyond
																		// the cutoff
			encamp = TestStore.offer(jdbc, "EHPAD Encamp", "ehpad", "elderly", 1.5806, 42.5353);
			pas = TestStore.offer(jdbc, "SSIAD Pas de la Casa", "ssiad", "elderly", 1.7332, 42.5425);
		}

		@AfterEach
		void clear() {
			TestStore.clear(jdbc);
		}

		@Test
		void storedTimesAreTheEnginesTimesWithinTheCutoff() {
			TravelTimeRun run = precompute.refresh();
			assertThat(run.graphFingerprint()).startsWith("network:");
			assertThat(run.cutoffSeconds()).isEqualTo(3600);
			List<Map<String, Object>> rows = StoredTimes.maps(jdbc);
			assertThat(rows).hasSize(run.pairs());
			assertThat(rows).noneMatch(r -> r.get("commune_code").equals("99005"));
			Map<String, Object> toAlv = row(rows, encamp, "99001");
			var out = engine.route(Geo.point(1.5806, 42.5353), Geo.point(1.5218, 42.5063), "car", false).leg();
			var in = engine.route(Geo.point(1.5218, 42.5063), Geo.point(1.5806, 42.5353), "car", false).leg();
			assertThat(((Number) toAlv.get("seconds_out")).doubleValue()).isCloseTo(out.seconds(), within(1.0));
			assertThat(((Number) toAlv.get("seconds_in")).doubleValue()).isCloseTo(in.seconds(), within(1.0));
			assertThat(toAlv.get("method")).isEqualTo("network");
			assertThat(row(rows, encamp, "99004").get("method")).isEqualTo("estimate");
			for (Map<String, Object> r : rows) {
				Number o = (Number) r.get("seconds_out");
				Number b = (Number) r.get("seconds_in");
				assertThat(o != null || b != null).isTrue();
				assertThat(o == null || o.doubleValue() <= 3600).isTrue();
			}
		}

		@Test
		void refreshesOnlyWhenOffersOrCommunesChange() {
			precompute.refresh();
			assertThat(precompute.refreshIfStale()).isEmpty();
			jdbc.update("UPDATE offer SET geom = ST_GeomFromText('POINT(1.5341 42.5096)', 4326) WHERE id = ?", pas);
			TravelTimeRun moved = precompute.refreshIfStale().orElseThrow();
			assertThat(precompute.latestRun().orElseThrow().id()).isEqualTo(moved.id());
			assertThat(StoredTimes.rows(jdbc, pas)).filteredOn(r -> r.communeCode().equals("99001"))
				.singleElement()
				.satisfies(r -> assertThat(r.secondsOut()).isLessThan(600));
		}

		@Test
		void anOffersChangedEventRefreshesTheTable() throws InterruptedException {
			precompute.refresh();
			long before = precompute.latestRun().orElseThrow().id();
			jdbc.update("DELETE FROM offer WHERE id = ?", pas);
			events.publishEvent(new OffersChanged("test"));
			// the refresh runs in the background: wait for its run to commit
			long deadline = System.currentTimeMillis() + 60_000;
			while (precompute.latestRun().orElseThrow().id() == before && System.currentTimeMillis() < deadline) {
				Thread.sleep(50);
			}
			TravelTimeRun after = precompute.latestRun().orElseThrow();
			assertThat(after.id()).isGreaterThan(before);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offer_times", Integer.class)).isEqualTo(1);
		}

		@Test
		void aFullRefreshDropsTheTimesOfAnOfferNoLongerLocated() {
			// issue 15: the full refresh writes a chunk of offers at a time; an offer
			// whose
			// location was removed is in no chunk, and its stored times must still go
			precompute.refresh();
			assertThat(StoredTimes.rows(jdbc, pas)).isNotEmpty();
			jdbc.update("UPDATE offer SET geom = NULL WHERE id = ?", pas);
			TravelTimeRun run = precompute.refresh();
			assertThat(StoredTimes.rows(jdbc, pas)).isEmpty();
			assertThat(StoredTimes.rows(jdbc, encamp)).isNotEmpty();
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offer_times", Integer.class)).isEqualTo(1);
			assertThat(run.pairs()).isEqualTo(StoredTimes.rows(jdbc, encamp).size());
		}

		private static Map<String, Object> row(List<Map<String, Object>> rows, long offer, String commune) {
			return rows.stream()
				.filter(r -> ((Number) r.get("offer_id")).longValue() == offer && r.get("commune_code").equals(commune))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no row for offer " + offer + " and commune " + commune));
		}

	}

	@Nested
	@SpringBootTest(properties = "proxima.routing.auto-refresh=true")
	@WithAndorraGraph
	@H2Test
	class OnH2 extends Contract {

	}

	@Nested
	@SpringBootTest(properties = "proxima.routing.auto-refresh=true")
	@WithAndorraGraph
	@PostgisTest
	class OnPostgis extends Contract {

	}

}
