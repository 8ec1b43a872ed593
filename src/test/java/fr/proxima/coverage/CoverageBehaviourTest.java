package fr.proxima.coverage;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.proxima.offers.Family;
import fr.proxima.routing.StoredTimes;
import fr.proxima.routing.internal.TimeRow;
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

/**
 * issue 4: coverage, scenarios, suggestions and zones in estimate mode on invented
 * communes in a line, 10 km apart (A 0, B 10, C 20, D 30, F 32, E 40 km). With the
 * documented estimate (straight line × 1.4 at 35 km/h up to 5 km, then 60 km/h), T = 15
 * min reaches 7.14 km: an offer covers its own commune only, except that D and F cover
 * each other (2 km apart).
 */
class CoverageBehaviourTest {

	abstract static class Contract {

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		ApplicationEventPublisher events;

		@Autowired
		CoverageService coverage;

		@Autowired
		SuggestionService suggestions;

		@Autowired
		ZoneService zones;

		@Autowired
		ScenarioService scenarios;

		@Autowired
		CoverageSettings settings;

		CoverageFixture fixture;

		long ssiad;

		@BeforeEach
		void line() {
			fixture = new CoverageFixture(jdbc, events).reset();
			fixture.commune("99001", 0, 300, 40, 10)
				.commune("99002", 10, 400, 50, 20)
				.commune("99003", 20, 1200, 200, 70)
				.commune("99004", 30, 900, 120, 30)
				.commune("99005", 40, 600, 80, 25)
				.commune("99006", 32, 700, 90, 35);
			ssiad = fixture.offer("test: ssiad", "ssiad", 20, 0);
		}

		@AfterEach
		void cleanUp() {
			fixture.clear();
		}

		CoverageQuery query(String families) {
			return CoverageQuery.parse(families, 15.0, "99", null, null, null, settings);
		}

		Set<String> covered(CoverageReport r) {
			return r.communes()
				.stream()
				.filter(CoverageReport.Row::covered)
				.map(CoverageReport.Row::code)
				.collect(Collectors.toSet());
		}

		@Test
		void movingAnOfferChangesExactlyTheCommunesItShould() {
			CoverageReport before = coverage.coverage(query("ssiad"));
			fixture.move(ssiad, 20);
			CoverageReport after = coverage.coverage(query("ssiad"));

			assertThat(covered(before)).containsExactly("99001");
			assertThat(covered(after)).containsExactly("99003");
			Map<String, Boolean> was = before.communes()
				.stream()
				.collect(Collectors.toMap(CoverageReport.Row::code, CoverageReport.Row::covered));
			assertThat(after.communes()
				.stream()
				.filter(r -> r.covered() != was.get(r.code()))
				.map(CoverageReport.Row::code)).containsExactlyInAnyOrder("99001", "99003");
			assertThat(after.totals().population().covered()).isEqualTo(1200);
			assertThat(after.method()).isEqualTo("estimate");
			assertThat(after.estimated()).isTrue();
		}

		@Test
		void addingASiteInAnUncoveredCommuneAddsThatCommunesPopulation() {
			ScenarioView s = scenarios.create(new ScenarioRequest("test: new ssiad in C", null,
					List.of(new ScenarioRequest.Site("new", "ssiad", 10, 10 + 20 * CoverageFixture.DEG_PER_KM, 0.0)),
					List.of()));

			ScenarioComparison c = scenarios.compare(s.id(), query("ssiad"));

			assertThat(c.after().population().covered() - c.before().population().covered()).isEqualTo(1200);
			assertThat(c.after().aged75Plus().covered() - c.before().aged75Plus().covered()).isEqualTo(200);
			assertThat(c.after().aged85Plus().covered() - c.before().aged85Plus().covered()).isEqualTo(70);
			assertThat(c.communes()
				.stream()
				.filter(r -> r.coveredAfter() != r.coveredBefore())
				.map(ScenarioComparison.Row::code)).containsExactly("99003");
			assertThat(c.after().population().covered() + c.after().population().uncovered())
				.isEqualTo(300 + 400 + 1200 + 900 + 600 + 700);
		}

		@Test
		void closingTheOnlyOfferUncoversItsCommune() {
			ScenarioView s = scenarios.create(new ScenarioRequest("test: close", null, List.of(), List.of(ssiad)));

			ScenarioComparison c = scenarios.compare(s.id(), query("ssiad"));

			assertThat(c.before().population().covered()).isEqualTo(300);
			assertThat(c.after().population().covered()).isZero();
			assertThat(c.communes()
				.stream()
				.filter(ScenarioComparison.Row::coveredBefore)
				.map(ScenarioComparison.Row::code)).containsExactly("99001");
		}

		@Test
		void suggestionsComeInDecreasingOrderOfGain() {
			SuggestionReport r = suggestions.suggestions(query("ssiad"), 6);

			List<Long> gains = r.steps().stream().map(SuggestionReport.Step::gain).toList();
			// D (covers D + F: 120 + 90), then C (200), E (80), B (50); nothing is left
			// to gain after four sites
			assertThat(gains).containsExactly(210L, 200L, 80L, 50L);
			assertThat(gains).isSortedAccordingTo((x, y) -> Long.compare(y, x));
			assertThat(r.steps().get(0).communeCode()).isEqualTo("99004");
			assertThat(r.steps().get(0).newlyCovered()).containsExactlyInAnyOrder("99004", "99006");
			assertThat(r.coveredBefore()).isEqualTo(40);
			assertThat(r.coveredAfter()).isEqualTo(r.aged75Plus()).isEqualTo(40 + 50 + 200 + 120 + 80 + 90);
		}

		@Test
		void homeCareCoverageStopsAtTheDeclaredZoneAndZonesAreCompared() {
			long zoned = fixture.offer("test: zoned ssiad", "ssiad", 5, 20);
			jdbc.update("INSERT INTO offer_zone_commune (offer_id, commune_code) VALUES (?, '99002')", zoned);

			CoverageReport r = coverage.coverage(query("ssiad"));
			// the zoned service sits in C but declares only B (19 min away): C stays
			// uncovered
			assertThat(covered(r)).containsExactly("99001");

			ZoneReport z = zones.zones(query("ssiad"));
			assertThat(z.services()).hasSize(1);
			ZoneReport.Service s = z.services().get(0);
			assertThat(s.offerId()).isEqualTo(zoned);
			assertThat(s.declaredUnreachable()).extracting(ZoneReport.Place::code).containsExactly("99002");
			assertThat(s.reachableUndeclared()).extracting(ZoneReport.Place::code).containsExactly("99003");
		}

		@Test
		void establishmentsAreReachedFromTheCommuneAndHomeCareFromTheOffer() {
			// the same position for an EHPAD: its time is read commune → offer in the
			// table
			long ehpad = fixture.offer("test: ehpad", "ehpad", 40, 40);
			fixture.time(ehpad, "99005", 3).precomputeRun(3600);
			StoredTimes.edit(jdbc, ehpad,
					r -> new TimeRow(r.offerId(), r.communeCode(), r.secondsOut(), 1200f, r.metres(), r.method()));

			CoverageReport r = coverage.coverage(query("ehpad"));

			assertThat(r.communes().stream().filter(x -> x.code().equals("99005")).findFirst().orElseThrow().minutes())
				.isEqualTo(20.0);
			assertThat(covered(r)).isEmpty();
			assertThat(r.method()).isEqualTo("network");
		}

	}

	@Nested
	@SpringBootTest
	@H2Test
	class OnH2 extends Contract {

	}

	@Nested
	@SpringBootTest
	@PostgisTest
	class OnPostgis extends Contract {

	}

}
