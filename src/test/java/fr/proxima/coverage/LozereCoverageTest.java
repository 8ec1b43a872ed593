package fr.proxima.coverage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import fr.proxima.importing.ImportReport;
import fr.proxima.importing.ImportService;
import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import fr.proxima.support.SharedData;
import fr.proxima.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.assertj.core.api.Assertions.assertThat;

// issue 4: coverage and E2SFCA on the real Lozère data (imported with its neighbours), travel times estimated
class LozereCoverageTest {

	abstract static class Contract {

		static final Set<Class<?>> imported = new HashSet<>();

		@Autowired
		ImportService imports;

		@Autowired
		CoverageService coverage;

		@Autowired
		ScenarioService scenarios;

		@Autowired
		CoverageSettings settings;

		@Autowired
		JdbcTemplate jdbc;

		@BeforeEach
		void importSharedDataOnce() {
			if (imported.add(getClass())) {
				assertThat(imports.importDirectory(SharedData.root()).status())
					.isEqualTo(ImportReport.Status.SUCCEEDED);
			}
		}

		@Test
		void coveredAndUncoveredAddUpToTheCensus() {
			CoverageReport r = coverage
				.coverage(CoverageQuery.parse("ssiad,spasad", 20.0, "48", null, null, null, settings));

			assertThat(r.communes()).hasSize(152);
			assertThat(r.missingPopulation()).isEmpty();
			assertThat(r.totals().population().total()).isEqualTo(76_486);
			assertThat(r.totals().aged75Plus().total()).isEqualTo(10_027);
			assertThat(r.totals().population().covered() + r.totals().population().uncovered()).isEqualTo(76_486);
			assertThat(r.totals().aged75Plus().covered() + r.totals().aged75Plus().uncovered()).isEqualTo(10_027);
			assertThat(r.communes().stream().mapToLong(CoverageReport.Row::coveredAged75Plus).sum())
				.isEqualTo(r.totals().aged75Plus().covered());
			// a real answer: some communes covered, some not, all on estimated times (no
			// Lozère road graph)
			assertThat(r.totals().coveredCommunes()).isBetween(1, 151);
			assertThat(r.method()).isEqualTo("estimate");
			assertThat(r.estimated()).isTrue();
			assertThat(r.uncovered()).isSortedAccordingTo((a, b) -> Integer.compare(b.aged75Plus(), a.aged75Plus()));
			assertThat(r.unplaced()).isEmpty();
		}

		@Test
		void censusRowsWithoutABoundaryAreListedNotLost() {
			// the 2018 Cantal boundaries merge four of today's communes into 15141: they
			// have census rows, no polygon
			CoverageReport r = coverage
				.coverage(CoverageQuery.parse("ssiad,spasad", 20.0, "15", null, null, null, settings));
			long census = jdbc.queryForObject("SELECT SUM(total) FROM population WHERE commune_code LIKE '15%'",
					Long.class);
			assertThat(r.unplaced()).extracting(CoverageReport.Unplaced::code)
				.containsExactlyInAnyOrder("15031", "15035", "15047", "15171");
			assertThat(r.totals().population().total()
					+ r.unplaced().stream().mapToLong(CoverageReport.Unplaced::population).sum())
				.isEqualTo(census);
		}

		@Test
		void neighbouringOffersServeBorderCommunes() {
			CoverageQuery q = CoverageQuery.parse("ehpad", 20.0, "48", null, null, null, settings);
			List<Long> outside = jdbc.queryForList("""
					SELECT o.id FROM offer o JOIN commune c ON c.code = o.commune_code
					WHERE o.family = 'ehpad' AND c.departement_code <> '48'""", Long.class);
			ScenarioView onlyLozere = scenarios
				.create(new ScenarioRequest("test: lozere ehpad only", null, List.of(), outside));
			try {
				ScenarioComparison c = scenarios.compare(onlyLozere.id(), q);
				// without the neighbours' EHPAD, fewer Lozère people are within 20 min of
				// one
				assertThat(c.after().population().covered()).isLessThan(c.before().population().covered());
				assertThat(c.after().population().total()).isEqualTo(76_486);
			}
			finally {
				scenarios.delete(onlyLozere.id());
			}
		}

		@Test
		void accessibilityIndexIsReportedForEveryLozereCommune() {
			AccessibilityReport r = coverage
				.accessibility(CoverageQuery.parse("ehpad", null, "48", null, null, null, settings));

			assertThat(r.communes()).hasSize(152);
			assertThat(r.missingDemand()).isEmpty();
			assertThat(r.areaMean()).isPositive();
			assertThat(r.communes()).anyMatch(x -> x.index() > 0);
			assertThat(r.estimated()).isTrue();
		}

		@Test
		void everyOutputSaysItsTimesAreEstimates(@Autowired WebApplicationContext web) throws Exception {
			// Mende's town hall, roughly: a hypothetical home-care service
			ScenarioView s = scenarios.create(new ScenarioRequest("test: Lozère methods", null,
					List.of(new ScenarioRequest.Site("SSIAD Mende", "ssiad", 20, 3.4986, 44.5180)), List.of()));
			try {
				MethodCheck.everyOutputSays(MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build(),
						"estimate", "ssiad", "48", "48095", s.id(), TestUsers.planner(jdbc));
			}
			finally {
				scenarios.delete(s.id());
			}
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
