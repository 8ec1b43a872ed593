package fr.proxima.coverage;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import fr.proxima.offers.Family;
import fr.proxima.routing.Leg;
import fr.proxima.routing.SnapStatus;
import fr.proxima.routing.TravelMethod;
import fr.proxima.routing.TravelTimeEngine;
import fr.proxima.routing.TravelTimePrecompute;
import fr.proxima.routing.TravelTimeRun;
import fr.proxima.routing.TravelTimes;
import fr.proxima.routing.WithAndorraGraph;
import fr.proxima.shared.Geo;
import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import fr.proxima.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * issue 4: coverage, a scenario and E2SFCA in network mode, on the real Andorra road
 * graph with invented communes and offers (the towns along the CG-1 / CG-2 trunk road).
 * The offer × commune table is filled by the real precompute; every expectation comes
 * from the travel-time engine's own one-to-many times and plain arithmetic, never from
 * the coverage service.
 */
class AndorraNetworkCoverageTest {

	abstract static class Contract {

		static final double T_MINUTES = 10;

		static final double CUTOFF_SECONDS = 3600;

		/**
		 * Upper bounds and weights of the E2SFCA bands, given explicitly to the query.
		 */
		static final double[] BAND_SECONDS = { 600, 1200, 1800 };

		record Place(String code, double lon, double lat, int total, int aged75, int aged85) {

			Point point() {
				return Geo.point(lon, lat);
			}

		}

		record Supply(String name, String family, Integer capacity, double lon, double lat) {

			Point point() {
				return Geo.point(lon, lat);
			}

			/** S_j: unknown capacity counts as one place. */
			double places() {
				return capacity == null ? 1 : capacity;
			}

			/**
			 * Establishments are reached from the commune, home-care services drive out
			 * to it.
			 */
			boolean toSource() {
				return !Family.fromCode(family).isHomeCare();
			}

		}

		/** Invented population figures on real town positions. */
		static final List<Place> COMMUNES = List.of(new Place("99001", 1.4914, 42.4636, 9_000, 700, 200), // Sant
																											// Julià
				new Place("99002", 1.5218, 42.5063, 22_000, 1_500, 450), // Andorra la
																			// Vella
				new Place("99003", 1.5806, 42.5353, 11_000, 800, 230), // Encamp
				new Place("99004", 1.5975, 42.5667, 4_000, 300, 90), // Canillo
				new Place("99005", 1.6676, 42.5766, 1_500, 90, 20), // Soldeu
				new Place("99006", 1.7332, 42.5425, 2_500, 120, 30)); // Pas de la Casa

		/**
		 * Existing offers: two EHPADs (one of unknown capacity) and a home-care service.
		 */
		static final List<Supply> OFFERS = List.of(new Supply("test: EHPAD Escaldes", "ehpad", 60, 1.5341, 42.5096),
				new Supply("test: EHPAD Encamp", "ehpad", null, 1.5790, 42.5340),
				new Supply("test: SSIAD Sant Julià", "ssiad", 25, 1.4930, 42.4650));

		/** The scenario's hypothetical home-care service, at the top of the valley. */
		static final Supply SITE = new Supply("test: SSIAD Soldeu", "ssiad", 12, 1.6676, 42.5766);

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		ApplicationEventPublisher events;

		@Autowired
		TravelTimePrecompute precompute;

		@Autowired
		TravelTimes travelTimes;

		@Autowired
		TravelTimeEngine engine;

		@Autowired
		CoverageService coverage;

		@Autowired
		ScenarioService scenarios;

		@Autowired
		CoverageSettings settings;

		CoverageFixture fixture;

		List<Long> offerIds;

		TravelTimeRun run;

		@BeforeEach
		void inventedPlacesWithPrecomputedTimes() {
			fixture = new CoverageFixture(jdbc, events).reset();
			COMMUNES.forEach(c -> fixture.communeAt(c.code(), c.lon(), c.lat(), c.total(), c.aged75(), c.aged85()));
			offerIds = OFFERS.stream()
				.map(o -> fixture.offerAt(o.name(), o.family(), o.capacity(), o.lon(), o.lat()))
				.toList();
			run = precompute.refresh();
		}

		@AfterEach
		void cleanUp() {
			fixture.clear();
			jdbc.update("DELETE FROM travel_time_run WHERE id = ?", run.id());
		}

		CoverageQuery query() {
			return CoverageQuery.parse("ehpad,ssiad", T_MINUTES, CoverageFixture.DEPARTEMENT, "aged_75_plus",
					"10,20,30", "1.0,0.68,0.22", settings);
		}

		/** A stored scenario that adds {@link #SITE}, compared with the baseline. */
		ScenarioComparison compareWithSite() {
			ScenarioView s = scenarios.create(new ScenarioRequest("test: SSIAD in Soldeu", null, List
				.of(new ScenarioRequest.Site(SITE.name(), SITE.family(), SITE.capacity(), SITE.lon(), SITE.lat())),
					List.of()));
			return scenarios.compare(s.id(), query());
		}

		/**
		 * The engine's seconds between a supply point and every commune, in the supply's
		 * direction; infinite when unreachable within the cutoff. Every leg must be a
		 * network time: all these points lie on the road graph.
		 */
		double[] engineSeconds(Supply s) {
			List<Leg> legs = travelTimes.oneToMany(s.point(), COMMUNES.stream().map(Place::point).toList(),
					CUTOFF_SECONDS, s.toSource());
			assertThat(legs).extracting(Leg::method).containsOnly(TravelMethod.NETWORK);
			return legs.stream().mapToDouble(l -> l.reachable() ? l.seconds() : Double.POSITIVE_INFINITY).toArray();
		}

		/** Engine seconds per existing offer (rows) and commune (columns). */
		double[][] offerSeconds() {
			return OFFERS.stream().map(this::engineSeconds).toArray(double[][]::new);
		}

		/** Per commune, the engine's shortest time from any row of {@code seconds}. */
		static double[] nearest(double[][] seconds) {
			double[] best = new double[COMMUNES.size()];
			Arrays.fill(best, Double.POSITIVE_INFINITY);
			for (double[] row : seconds) {
				for (int i = 0; i < best.length; i++) {
					best[i] = Math.min(best[i], row[i]);
				}
			}
			return best;
		}

		static Set<String> reachedWithin(double[] seconds, double limit) {
			Set<String> codes = new TreeSet<>();
			for (int i = 0; i < seconds.length; i++) {
				if (seconds[i] <= limit) {
					codes.add(COMMUNES.get(i).code());
				}
			}
			return codes;
		}

		/**
		 * The table stores times as 4-byte floats: a time within a second of a threshold
		 * could fall on either side. The chosen places keep clear of every threshold the
		 * test uses, so that the expectations are exact.
		 */
		static void assertClearOfThresholds(double[][] seconds) {
			for (double[] row : seconds) {
				for (double t : row) {
					assertThat(Math.abs(t - T_MINUTES * 60)).as("%s s is too close to T: move a place", t)
						.isGreaterThan(1);
					for (double band : BAND_SECONDS) {
						assertThat(Math.abs(t - band)).as("%s s is too close to a band: move a place", t)
							.isGreaterThan(1);
					}
				}
			}
		}

		/**
		 * E2SFCA weight, written out: 1.00 up to 10 min, 0.68 up to 20, 0.22 up to 30,
		 * nothing beyond.
		 */
		static double w(double seconds) {
			return seconds <= 600 ? 1.00 : seconds <= 1200 ? 0.68 : seconds <= 1800 ? 0.22 : 0;
		}

		/**
		 * A_i = Σ_j R_j·W(t_ij) with R_j = S_j / Σ_k P_k·W(t_kj), P being the 75+
		 * population.
		 */
		static double[] e2sfca(double[][] seconds, double[] places) {
			double[] index = new double[COMMUNES.size()];
			for (int j = 0; j < seconds.length; j++) {
				double weightedDemand = 0;
				for (int k = 0; k < COMMUNES.size(); k++) {
					weightedDemand += COMMUNES.get(k).aged75() * w(seconds[j][k]);
				}
				double r = weightedDemand > 0 ? places[j] / weightedDemand : 0;
				for (int i = 0; i < COMMUNES.size(); i++) {
					index[i] += r * w(seconds[j][i]);
				}
			}
			return index;
		}

		@Test
		void everyCommunesTimeIsTheEnginesNetworkTimeToItsNearestOffer() {
			assertThat(COMMUNES)
				.allSatisfy(c -> assertThat(engine.snap(c.point(), "car").status()).isEqualTo(SnapStatus.SNAPPED));
			double[][] seconds = offerSeconds();
			assertClearOfThresholds(seconds);
			double[] best = nearest(seconds);
			Set<String> expectedCovered = reachedWithin(best, T_MINUTES * 60);
			// a meaningful case: some communes covered, some not
			assertThat(expectedCovered).isNotEmpty().hasSizeLessThan(COMMUNES.size());

			CoverageReport report = coverage.coverage(query());

			assertThat(report.method()).isEqualTo("network");
			assertThat(report.estimated()).isFalse();
			Map<String, CoverageReport.Row> rows = report.communes()
				.stream()
				.collect(Collectors.toMap(CoverageReport.Row::code, r -> r));
			assertThat(rows).containsOnlyKeys(COMMUNES.stream().map(Place::code).toList());
			long coveredPopulation = 0;
			for (int i = 0; i < COMMUNES.size(); i++) {
				Place c = COMMUNES.get(i);
				CoverageReport.Row row = rows.get(c.code());
				int nearestOffer = 0;
				for (int j = 1; j < OFFERS.size(); j++) {
					nearestOffer = seconds[j][i] < seconds[nearestOffer][i] ? j : nearestOffer;
				}
				assertThat(row.method()).as(c.code()).isEqualTo("network");
				// the report rounds minutes to one decimal
				assertThat(row.minutes()).as(c.code()).isCloseTo(best[i] / 60, within(0.05 + 1e-9));
				assertThat(row.nearestOfferId()).as(c.code()).isEqualTo(offerIds.get(nearestOffer));
				assertThat(row.covered()).as(c.code()).isEqualTo(expectedCovered.contains(c.code()));
				coveredPopulation += row.covered() ? c.total() : 0;
			}
			assertThat(report.totals().population().covered()).isEqualTo(coveredPopulation);
		}

		@Test
		void aHypotheticalSiteCoversExactlyTheCommunesTheEngineReachesWithinT() {
			double[][] seconds = offerSeconds();
			double[] fromSite = engineSeconds(SITE);
			assertClearOfThresholds(new double[][] { fromSite });
			Set<String> coveredBefore = reachedWithin(nearest(seconds), T_MINUTES * 60);
			Set<String> reachedBySite = reachedWithin(fromSite, T_MINUTES * 60);
			Set<String> newlyCovered = new TreeSet<>(reachedBySite);
			newlyCovered.removeAll(coveredBefore);
			assertThat(newlyCovered).isNotEmpty();

			ScenarioComparison c = compareWithSite();

			assertThat(c.method()).isEqualTo("network");
			assertThat(c.estimated()).isFalse();
			Set<String> before = c.communes()
				.stream()
				.filter(ScenarioComparison.Row::coveredBefore)
				.map(ScenarioComparison.Row::code)
				.collect(Collectors.toCollection(TreeSet::new));
			Set<String> gained = c.communes()
				.stream()
				.filter(r -> r.coveredAfter() && !r.coveredBefore())
				.map(ScenarioComparison.Row::code)
				.collect(Collectors.toCollection(TreeSet::new));
			assertThat(before).isEqualTo(coveredBefore);
			assertThat(gained).isEqualTo(newlyCovered);
			assertThat(c.communes()).noneMatch(r -> r.coveredBefore() && !r.coveredAfter());
			long gainedPopulation = COMMUNES.stream()
				.filter(p -> newlyCovered.contains(p.code()))
				.mapToLong(Place::total)
				.sum();
			assertThat(c.after().population().covered() - c.before().population().covered())
				.isEqualTo(gainedPopulation);
			// times after the change: the nearer of the baseline's nearest offer and the
			// site
			Map<String, ScenarioComparison.Row> rows = c.communes()
				.stream()
				.collect(Collectors.toMap(ScenarioComparison.Row::code, r -> r));
			double[] best = nearest(seconds);
			for (int i = 0; i < COMMUNES.size(); i++) {
				assertThat(rows.get(COMMUNES.get(i).code()).minutesAfter()).as(COMMUNES.get(i).code())
					.isCloseTo(Math.min(best[i], fromSite[i]) / 60, within(0.05 + 1e-9));
			}
		}

		@Test
		void everyOutputSaysItsTimesComeFromTheNetwork(@Autowired WebApplicationContext web) throws Exception {
			ScenarioView s = scenarios.create(new ScenarioRequest("test: methods", null, List
				.of(new ScenarioRequest.Site(SITE.name(), SITE.family(), SITE.capacity(), SITE.lon(), SITE.lat())),
					List.of()));

			MethodCheck.everyOutputSays(MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build(),
					"network", "ssiad", CoverageFixture.DEPARTEMENT, COMMUNES.get(0).code(), s.id(),
					TestUsers.planner(jdbc));
		}

		@Test
		void e2sfcaEqualsTheComputationFromTheEnginesTimes() {
			double[][] seconds = offerSeconds();
			double[] fromSite = engineSeconds(SITE);
			assertClearOfThresholds(seconds);
			assertClearOfThresholds(new double[][] { fromSite });
			double[] places = OFFERS.stream().mapToDouble(Supply::places).toArray();
			double[] expected = e2sfca(seconds, places);
			double[][] withSite = Arrays.copyOf(seconds, seconds.length + 1);
			withSite[seconds.length] = fromSite;
			double[] placesWithSite = Arrays.copyOf(places, places.length + 1);
			placesWithSite[places.length] = SITE.places();
			double[] expectedWithSite = e2sfca(withSite, placesWithSite);
			double demand = 0;
			double weighted = 0;
			for (int i = 0; i < COMMUNES.size(); i++) {
				demand += COMMUNES.get(i).aged75();
				weighted += COMMUNES.get(i).aged75() * expected[i];
			}

			AccessibilityReport report = coverage.accessibility(query());
			ScenarioComparison c = compareWithSite();

			assertThat(report.method()).isEqualTo("network");
			assertThat(report.estimated()).isFalse();
			assertThat(report.offersWithUnknownCapacity()).isEqualTo(1);
			Map<String, AccessibilityReport.Row> rows = new HashMap<>();
			report.communes().forEach(r -> rows.put(r.code(), r));
			Map<String, ScenarioComparison.Row> after = new HashMap<>();
			c.communes().forEach(r -> after.put(r.code(), r));
			for (int i = 0; i < COMMUNES.size(); i++) {
				String code = COMMUNES.get(i).code();
				assertThat(rows.get(code).index()).as(code).isCloseTo(expected[i], within(1e-12));
				assertThat(after.get(code).indexBefore()).as(code).isCloseTo(expected[i], within(1e-12));
				assertThat(after.get(code).indexAfter()).as(code).isCloseTo(expectedWithSite[i], within(1e-12));
				if (rows.get(code).offersInReach() > 0) {
					assertThat(rows.get(code).method()).as(code).isEqualTo("network");
				}
			}
			assertThat(report.areaMean()).isCloseTo(weighted / demand, within(1e-12));
			// the site adds places where they were scarce: some commune's index rises
			assertThat(c.communes()).anyMatch(r -> r.indexAfter() > r.indexBefore());
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
