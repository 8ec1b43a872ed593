package fr.proxima.cluster;

import java.util.List;
import java.util.Map;

import fr.proxima.cluster.internal.PrecomputeJobs;
import fr.proxima.routing.StoredTimes;
import fr.proxima.routing.TestStore;
import fr.proxima.routing.TravelTimePrecompute;
import fr.proxima.routing.WithAndorraGraph;
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

// issue 16: the offer × commune precompute run as db-scheduler jobs, one partition per département whose targets are
// the départements its offers can reach, gives the single-instance result and replaces exactly its offers' rows
class DistributedPrecomputeTest {

	abstract static class Contract {

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		TravelTimePrecompute precompute;

		@Autowired
		PrecomputeJobs jobs;

		@BeforeEach
		void store() {
			clear();
			TestStore.departement(jdbc, "98", null);
			TestStore.departement(jdbc, "99", null);
			TestStore.departement(jdbc, "97", null);
			TestStore.commune(jdbc, "99001", "99", 1.5218, 42.5063); // Andorra la Vella
			TestStore.commune(jdbc, "99002", "99", 1.5975, 42.5667); // Canillo
			TestStore.commune(jdbc, "98001", "98", 1.4914, 42.4636); // Sant Julià
			TestStore.commune(jdbc, "98002", "98", 1.7332, 42.5425); // Pas de la Casa
			TestStore.commune(jdbc, "97001", "97", 4.5000, 42.5000); // 245 km east
			offer("EHPAD Encamp", "ehpad", 1.5806, 42.5353, "99002");
			offer("SSIAD Andorra la Vella", "ssiad", 1.5230, 42.5070, "99001");
			offer("SSIAD Pas de la Casa", "ssiad", 1.7332, 42.5425, "98002");
			offer("Accueil de jour Sant Julià", "day_care", 1.4920, 42.4640, "98001");
			offer("Habitat inclusif sans commune", "habitat_inclusif", 1.5600, 42.5200, null);
		}

		private void offer(String name, String family, double lon, double lat, String commune) {
			long id = TestStore.offer(jdbc, name, family, "elderly", lon, lat);
			jdbc.update("UPDATE offer SET commune_code = ? WHERE id = ?", commune, id);
		}

		@AfterEach
		void clear() {
			jdbc.update("DELETE FROM precompute_run");
			jdbc.update("DELETE FROM scheduled_tasks");
			TestStore.clear(jdbc);
		}

		@Test
		void partitionsByDepartementGiveTheSingleInstanceResultRowForRow() throws InterruptedException {
			precompute.refresh();
			List<Map<String, Object>> single = StoredTimes.maps(jdbc);
			assertThat(single).hasSizeGreaterThan(10);
			StoredTimes.clear(jdbc);

			PrecomputeProgress progress = published(jobs.startRun("test").run().id());
			assertThat(progress.run().partitions()).isEqualTo(3);
			assertThat(progress.partitions()).extracting(PrecomputeProgress.Partition::departement)
				.containsExactly("--", "98", "99");
			PrecomputeProgress.Partition andorra = progress.partitions().get(2);
			assertThat(andorra.offers()).isEqualTo(2);
			assertThat(andorra.targetDepartements()).as("its own first, the neighbour within reach, not 97")
				.containsExactly("99", "98");
			assertThat(andorra.targetCommunes()).isEqualTo(4);
			assertThat(progress.partitions()).allMatch(p -> p.state().equals("done") && p.attempts() == 1);
			assertThat(progress.workers()).singleElement()
				.satisfies(w -> assertThat(w.done()).isEqualTo(3))
				.satisfies(w -> assertThat(w.pairs()).isEqualTo(single.size()));
			assertThat(StoredTimes.maps(jdbc)).isEqualTo(single);
			assertThat(progress.run().travelTimeRun()).isEqualTo(precompute.latestRun().orElseThrow().id());
		}

		@Test
		void aRunAgainReplacesExactlyThePartitionsRows() throws InterruptedException {
			long firstRun = published(jobs.startRun("first").run().id()).run().id();
			List<Map<String, Object>> first = StoredTimes.maps(jdbc);
			long encamp = jdbc.queryForObject("SELECT id FROM offer WHERE name = 'EHPAD Encamp'", Long.class);
			StoredTimes.edit(jdbc, encamp,
					r -> new TimeRow(r.offerId(), r.communeCode(), 1f, r.secondsIn(), r.metres(), r.method()));
			jdbc.update("DELETE FROM offer_times WHERE offer_id <> ?", encamp);

			PrecomputeProgress again = published(jobs.startRun("again").run().id());
			assertThat(again.run().id()).isGreaterThan(firstRun);
			assertThat(StoredTimes.maps(jdbc)).isEqualTo(first);
		}

		private PrecomputeProgress published(long run) throws InterruptedException {
			long deadline = System.currentTimeMillis() + 60_000;
			PrecomputeProgress p = jobs.progress();
			while (!(p.run().id() == run && p.run().state().equals("published"))
					&& System.currentTimeMillis() < deadline) {
				assertThat(p.run().state()).isNotEqualTo("failed");
				Thread.sleep(50);
				p = jobs.progress();
			}
			assertThat(p.run().state()).as(p.toString()).isEqualTo("published");
			return p;
		}

	}

	static final String DISTRIBUTED = "proxima.precompute.distributed=true";

	@Nested
	@SpringBootTest(properties = { DISTRIBUTED, "proxima.routing.auto-refresh=false",
			"proxima.precompute.poll-interval=200ms", "proxima.precompute.heartbeat=1s" })
	@WithAndorraGraph
	@H2Test
	class OnH2 extends Contract {

	}

	@Nested
	@SpringBootTest(properties = { DISTRIBUTED, "proxima.routing.auto-refresh=false",
			"proxima.precompute.poll-interval=200ms", "proxima.precompute.heartbeat=1s" })
	@WithAndorraGraph
	@PostgisTest
	class OnPostgis extends Contract {

	}

}
