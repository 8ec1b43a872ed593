package fr.proxima.routing;

import java.util.List;
import java.util.Map;

import fr.proxima.routing.internal.TimeRow;
import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// issue 15: a refresh recomputes only the offers and communes that changed, and equals a full recompute row for row
class IncrementalPrecomputeTest {

	abstract static class Contract {

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		TravelTimePrecompute precompute;

		long encamp;

		long pas;

		long canillo;

		long santJulia;

		@BeforeEach
		void store() {
			TestStore.clear(jdbc);
			TestStore.departement(jdbc, "99", null);
			TestStore.commune(jdbc, "99001", "99", 1.5218, 42.5063); // Andorra la Vella
			TestStore.commune(jdbc, "99002", "99", 1.5975, 42.5667); // Canillo
			TestStore.commune(jdbc, "99003", "99", 1.4914, 42.4636); // Sant Julià
			TestStore.commune(jdbc, "99004", "99", 1.4000, 42.4800); // west of the graph
			TestStore.commune(jdbc, "99006", "99", 1.5331, 42.5556); // Ordino
			encamp = TestStore.offer(jdbc, "EHPAD Encamp", "ehpad", "elderly", 1.5806, 42.5353);
			pas = TestStore.offer(jdbc, "SSIAD Pas de la Casa", "ssiad", "elderly", 1.7332, 42.5425);
			canillo = TestStore.offer(jdbc, "SAAD Canillo", "saad", "elderly", 1.5975, 42.5667);
			santJulia = TestStore.offer(jdbc, "EHPAD Sant Julià", "ehpad", "elderly", 1.4914, 42.4636);
			precompute.refresh();
		}

		@AfterEach
		void clear() {
			TestStore.clear(jdbc);
		}

		@Test
		void aRefreshAfterAMoveAFamilyChangeADeletionAndAnAdditionEqualsAFullRecompute() {
			move(pas, 1.5341, 42.5096);
			jdbc.update("UPDATE offer SET family = 'spasad' WHERE id = ?", canillo);
			jdbc.update("DELETE FROM offer WHERE id = ?", santJulia);
			long added = TestStore.offer(jdbc, "SSIAD La Massana", "ssiad", "elderly", 1.5148, 42.5450);
			long before = precompute.latestRun().orElseThrow().id();

			TravelTimeRun run = precompute.refreshIfStale().orElseThrow();

			TravelTimeRefresh refresh = precompute.lastRefresh().orElseThrow();
			assertThat(refresh.full()).isFalse();
			// the moved, the re-familied and the added offer; nothing else was timed
			assertThat(refresh.offersComputed()).isEqualTo(3);
			assertThat(refresh.sourcesTimed()).isEqualTo(3);
			assertThat(refresh.offersRemoved()).isEqualTo(1);
			assertThat(refresh.communesComputed()).isZero();
			assertThat(run.id()).isGreaterThan(before);
			assertThat(storedOffers()).containsExactlyInAnyOrder(encamp, pas, canillo, added);
			List<String> incremental = table();
			assertThat(run.pairs()).isEqualTo(incremental.size());

			precompute.refresh();
			assertThat(precompute.lastRefresh().orElseThrow().full()).isTrue();
			assertThat(table()).containsExactlyElementsOf(incremental);
			assertThat(precompute.refreshIfStale()).isEmpty();
		}

		@Test
		void aNewOrMovedCommuneRecomputesOnlyItsColumn() {
			TestStore.commune(jdbc, "99007", "99", 1.5148, 42.5450); // La Massana
			jdbc.update("UPDATE commune SET rep_point = ST_GeomFromText('POINT(1.5250 42.5080)', 4326)"
					+ " WHERE code = '99001'");
			jdbc.update("DELETE FROM commune WHERE code = '99006'");

			precompute.refreshIfStale().orElseThrow();

			TravelTimeRefresh refresh = precompute.lastRefresh().orElseThrow();
			assertThat(refresh.full()).isFalse();
			assertThat(refresh.offersComputed()).isZero();
			assertThat(refresh.communesComputed()).isEqualTo(2);
			assertThat(refresh.communesRemoved()).isEqualTo(1);
			assertThat(StoredTimes.rows(jdbc).stream().filter(r -> r.communeCode().equals("99007"))).hasSize(4);
			List<String> incremental = table();
			precompute.refresh();
			assertThat(table()).containsExactlyElementsOf(incremental);
		}

		@Test
		void aChangedGraphOrEstimateRecomputesEverything() {
			// what a run computed with another graph or other estimate settings leaves
			jdbc.update("UPDATE offer_time_source SET engine = 'another graph'");

			precompute.refreshIfStale().orElseThrow();

			TravelTimeRefresh refresh = precompute.lastRefresh().orElseThrow();
			assertThat(refresh.full()).isTrue();
			assertThat(refresh.offersComputed()).isEqualTo(4);
			assertThat(jdbc.queryForList("SELECT DISTINCT engine FROM offer_time_source", String.class))
				.containsExactly(precompute.engineKey());
		}

		@Test
		void recomputeOffersReplacesExactlyThoseOffersWithoutPublishingARun() {
			List<String> full = table();
			long run = precompute.latestRun().orElseThrow().id();
			move(pas, 1.5341, 42.5096);
			jdbc.update("DELETE FROM offer WHERE id = ?", santJulia);

			int written = precompute.recomputeOffers(List.of(pas, santJulia));

			assertThat(written).isEqualTo(rowsOf(pas));
			assertThat(written).isPositive();
			assertThat(precompute.latestRun().orElseThrow().id()).isEqualTo(run);
			assertThat(storedOffers()).containsExactlyInAnyOrder(encamp, pas, canillo);
			// the other offers' rows are untouched
			assertThat(table()).filteredOn(r -> r.startsWith(encamp + "|") || r.startsWith(canillo + "|"))
				.containsExactlyElementsOf(
						full.stream().filter(r -> r.startsWith(encamp + "|") || r.startsWith(canillo + "|")).toList());
			List<String> recomputed = table();
			assertThat(precompute.recomputeOffers(List.of(pas, santJulia))).isEqualTo(written);
			assertThat(table()).containsExactlyElementsOf(recomputed);
			// nothing left for a refresh to do but publish
			assertThat(precompute.refreshIfStale()).isEmpty();
			TravelTimeRun published = precompute.publishRun();
			assertThat(published.id()).isGreaterThan(run);
			assertThat(published.pairs()).isEqualTo(recomputed.size());
			precompute.refresh();
			assertThat(table()).containsExactlyElementsOf(recomputed);
		}

		@Test
		void aFailedRefreshLeavesThePreviousTableAndSources() {
			List<String> table = table();
			List<Map<String, Object>> sources = jdbc
				.queryForList("SELECT offer_id, engine, place FROM offer_time_source ORDER BY offer_id");
			long run = precompute.latestRun().orElseThrow().id();
			move(pas, 1.5341, 42.5096);
			jdbc.update("DELETE FROM offer WHERE id = ?", santJulia);
			// the run is recorded last, after the rows were written: refuse it
			jdbc.execute("ALTER TABLE travel_time_run ADD CONSTRAINT test_no_new_run CHECK (id <= " + run + ")");
			try {
				assertThatThrownBy(precompute::refreshIfStale).isInstanceOf(RuntimeException.class);
			}
			finally {
				jdbc.execute("ALTER TABLE travel_time_run DROP CONSTRAINT test_no_new_run");
			}
			assertThat(precompute.latestRun().orElseThrow().id()).isEqualTo(run);
			// santJulia's rows went with its offer (foreign key), the rest is as before
			assertThat(table())
				.containsExactlyElementsOf(table.stream().filter(r -> !r.startsWith(santJulia + "|")).toList());
			assertThat(jdbc.queryForList("SELECT offer_id, engine, place FROM offer_time_source ORDER BY offer_id"))
				.isEqualTo(sources);
			// and the next refresh does the work
			assertThat(precompute.refreshIfStale()).isPresent();
			assertThat(precompute.lastRefresh().orElseThrow().offersComputed()).isEqualTo(1);
		}

		private void move(long offer, double lon, double lat) {
			jdbc.update("UPDATE offer SET geom = ST_GeomFromText(?, 4326) WHERE id = ?",
					"POINT(" + lon + " " + lat + ")", offer);
		}

		private List<Long> storedOffers() {
			return StoredTimes.rows(jdbc).stream().map(TimeRow::offerId).distinct().toList();
		}

		private int rowsOf(long offer) {
			return StoredTimes.rows(jdbc, offer).size();
		}

		/** Every row, as text, in key order. */
		private List<String> table() {
			return StoredTimes.rows(jdbc)
				.stream()
				.map(r -> r.offerId() + "|" + r.communeCode() + "|" + r.secondsOut() + "|" + r.secondsIn() + "|"
						+ r.metres() + "|" + r.method())
				.toList();
		}

	}

	@Nested
	@SpringBootTest
	@WithAndorraGraph
	@H2Test
	class OnH2 extends Contract {

	}

	@Nested
	@SpringBootTest
	@WithAndorraGraph
	@PostgisTest
	class OnPostgis extends Contract {

	}

}
