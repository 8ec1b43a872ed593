package fr.proxima.coverage;

import java.util.Map;
import java.util.stream.Collectors;

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

// issue 4: E2SFCA on a case small enough to compute by hand (3 offers, 4 communes, chosen times in the table)
class AccessibilityHandCheckTest {

	abstract static class Contract {

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		ApplicationEventPublisher events;

		@Autowired
		CoverageService coverage;

		@Autowired
		CoverageSettings settings;

		CoverageFixture fixture;

		long o1;

		long o2;

		long o3;

		@BeforeEach
		void chosenTimes() {
			fixture = new CoverageFixture(jdbc, events).reset();
			// demand 75+: A 100, B 200, C 50, D 150; E has no census row at all
			fixture.commune("99001", 0, 900, 100, 30)
				.commune("99002", 10, 1500, 200, 60)
				.commune("99003", 20, 400, 50, 10)
				.commune("99004", 30, 1000, 150, 40)
				.commune("99005", 40, null, null, null);
			o1 = fixture.offer("test: offer 1", "ehpad", 50, 0);
			o2 = fixture.offer("test: offer 2", "ehpad", 30, 10);
			o3 = fixture.offer("test: offer 3", "ehpad", null, 20); // capacity unknown:
																	// counts as 1 place
			// commune → offer minutes (positions are irrelevant: the table answers)
			fixture.time(o1, "99001", 5)
				.time(o1, "99002", 15)
				.time(o1, "99003", 25)
				.time(o1, "99005", 9)
				.time(o2, "99002", 8)
				.time(o2, "99004", 12)
				.time(o3, "99003", 4)
				.time(o3, "99004", 28)
				.time(o3, "99001", 35)
				.precomputeRun(3600);
		}

		@AfterEach
		void cleanUp() {
			fixture.clear();
		}

		@Test
		void indexEqualsTheHandComputation() {
			AccessibilityReport report = coverage.accessibility(query());

			// step 1, R_j = S_j / Σ_k P_k·W(t_kj), W = 1.00 (≤10 min), 0.68 (≤20), 0.22
			// (≤30), 0 beyond:
			double r1 = 50 / (100 * 1.00 + 200 * 0.68 + 50 * 0.22); // A 5 min, B 15 min,
																	// C 25 min (E: no
																	// demand)
			double r2 = 30 / (200 * 1.00 + 150 * 0.68); // B 8 min, D 12 min
			double r3 = 1 / (50 * 1.00 + 150 * 0.22); // C 4 min, D 28 min; A at 35 min is
														// beyond the last band
			// step 2, A_i = Σ_j R_j·W(t_ij):
			double a = r1 * 1.00;
			double b = r1 * 0.68 + r2 * 1.00;
			double c = r1 * 0.22 + r3 * 1.00;
			double d = r2 * 0.68 + r3 * 0.22;
			double e = r1 * 1.00; // E has no demand figure: it takes no part in R_1 but
									// still reaches offer 1
			// demand-weighted mean over the reported communes with a figure (E excluded):
			double mean = (100 * a + 200 * b + 50 * c + 150 * d) / (100 + 200 + 50 + 150);

			Map<String, AccessibilityReport.Row> rows = report.communes()
				.stream()
				.collect(Collectors.toMap(AccessibilityReport.Row::code, r -> r));
			assertThat(rows.get("99001").index()).isCloseTo(a, within(1e-12));
			assertThat(rows.get("99002").index()).isCloseTo(b, within(1e-12));
			assertThat(rows.get("99003").index()).isCloseTo(c, within(1e-12));
			assertThat(rows.get("99004").index()).isCloseTo(d, within(1e-12));
			assertThat(rows.get("99005").index()).isCloseTo(e, within(1e-12));
			assertThat(report.areaMean()).isCloseTo(mean, within(1e-12));
			// every place is reached inside the area, so the demand-weighted mean is all
			// places over all demand
			assertThat(report.areaMean()).isCloseTo((50 + 30 + 1) / 500.0, within(1e-12));
			assertThat(rows.get("99002").ratioToMean()).isCloseTo(b / mean, within(1e-12));

			assertThat(report.missingDemand()).containsExactly("99005");
			assertThat(rows.get("99005").demand()).isNull();
			assertThat(report.offersWithUnknownCapacity()).isEqualTo(1);
			assertThat(report.unknownCapacity()).extracting(AccessibilityReport.Supply::id).containsExactly(o3);
			assertThat(report.method()).isEqualTo("network");
			assertThat(report.estimated()).isFalse();
		}

		@Test
		void explainListsEachContributingOfferWithItsShare() {
			Explanation x = coverage.explain(query(), "99003");

			double r1 = 50 / (100 * 1.00 + 200 * 0.68 + 50 * 0.22);
			double r3 = 1 / (50 * 1.00 + 150 * 0.22);
			double c = r1 * 0.22 + r3 * 1.00;
			assertThat(x.index()).isCloseTo(c, within(1e-12));
			// offer 1 (25 min, weight 0.22) gives r1 × 0.22 ≈ 0.0445, more than offer 3
			// (4 min, weight 1.00) gives
			// r3 ≈ 0.0120: contributions come largest first
			assertThat(r1 * 0.22).isGreaterThan(r3);
			assertThat(x.contributions()).extracting(Explanation.Contribution::offerId).containsExactly(o1, o3);
			Explanation.Contribution near = x.contributions().get(1);
			assertThat(near.minutes()).isEqualTo(4.0);
			assertThat(near.weight()).isEqualTo(1.00);
			assertThat(near.ratio()).isCloseTo(r3, within(1e-12));
			assertThat(near.capacityUnknown()).isTrue();
			assertThat(near.share()).isCloseTo(r3 / c, within(1e-12));
			assertThat(x.contributions().get(0).weight()).isEqualTo(0.22);
			assertThat(x.contributions().get(0).share()).isCloseTo(r1 * 0.22 / c, within(1e-12));
			assertThat(x.contributions().stream().mapToDouble(Explanation.Contribution::share).sum()).isCloseTo(1.0,
					within(1e-12));
		}

		@Test
		void coverageUsesTheNearestOfferAndAddsUpToTheCensus() {
			// T = 10 min: A (5), B (8), C (4), E (9) covered; D (12) not
			CoverageReport report = coverage
				.coverage(CoverageQuery.parse("ehpad", 10.0, "99", null, null, null, settings));
			Map<String, CoverageReport.Row> rows = report.communes()
				.stream()
				.collect(Collectors.toMap(CoverageReport.Row::code, r -> r));
			assertThat(rows.get("99002").minutes()).isEqualTo(8.0);
			assertThat(rows.get("99002").nearestOfferId()).isEqualTo(o2);
			assertThat(rows.get("99004").covered()).isFalse();
			assertThat(rows.get("99004").minutes()).isEqualTo(12.0);
			assertThat(report.totals().population().covered()).isEqualTo(900 + 1500 + 400);
			assertThat(report.totals().population().total()).isEqualTo(900 + 1500 + 400 + 1000);
			assertThat(report.totals().aged75Plus().uncovered()).isEqualTo(150);
			assertThat(report.uncovered()).extracting(CoverageReport.Row::code).containsExactly("99004");
			assertThat(report.missingPopulation()).containsExactly("99005");
		}

		private CoverageQuery query() {
			return CoverageQuery.parse("ehpad", null, "99", "aged_75_plus", "10,20,30", "1.0,0.68,0.22", settings);
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
