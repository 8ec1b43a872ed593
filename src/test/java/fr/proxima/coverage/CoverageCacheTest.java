package fr.proxima.coverage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import fr.proxima.coverage.internal.AccessData;
import fr.proxima.coverage.internal.GreedyCover;
import fr.proxima.coverage.internal.Nearest;
import fr.proxima.coverage.internal.Territory;
import fr.proxima.coverage.internal.TimeMatrix;
import fr.proxima.importing.ImportKind;
import fr.proxima.importing.ImportReport;
import fr.proxima.importing.ImportService;
import fr.proxima.routing.Leg;
import fr.proxima.routing.TravelTimePrecompute;
import fr.proxima.routing.TravelTimes;
import fr.proxima.shared.OffersChanged;
import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import fr.proxima.support.SharedData;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

// issue 15: coverage answers come from memory per data version, and equal a fresh computation after every change
// (an import, a full refresh, an edit and its incremental refresh).
// Times precomputed within 30 minutes and coverage asking no further, so that every answer reads the table.
@TestPropertySource(
		properties = { "proxima.routing.precompute-cutoff-minutes=30", "proxima.coverage.nearest-horizon-minutes=30" })
class CoverageCacheTest {

	abstract static class Contract {

		@Autowired
		ImportService imports;

		@Autowired
		TravelTimePrecompute precompute;

		@Autowired
		CoverageService cached;

		@Autowired
		SuggestionService suggestions;

		@Autowired
		CoverageSettings settings;

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		TravelTimes travelTimes;

		@Autowired
		ApplicationEventPublisher events;

		@TempDir
		Path folder;

		/** What a service reading everything from the store at this moment answers. */
		CoverageService fresh() {
			AccessData data = new AccessData(jdbc, travelTimes);
			return new CoverageService(new Scenes(data), data, settings);
		}

		void assertCachedEqualsFresh() {
			CoverageQuery coverage = CoverageQuery.parse("ssiad,spasad", 20.0, "48", null, null, null, settings);
			CoverageQuery e2sfca = CoverageQuery.parse("ehpad", 30.0, "48", null, null, null, settings);
			assertThat(cached.coverage(coverage)).isEqualTo(fresh().coverage(coverage));
			assertThat(cached.accessibility(e2sfca)).isEqualTo(fresh().accessibility(e2sfca));
			assertThat(cached.explain(e2sfca, "48095")).isEqualTo(fresh().explain(e2sfca, "48095"));
			// the suggestions keep their candidates' times per communes: asked twice,
			// then
			// against a service that reads everything now
			CoverageQuery sites = CoverageQuery.parse("ssiad,saad", 20.0, "48", null, null, null, settings);
			SuggestionReport first = suggestions.suggestions(sites, 3);
			assertThat(suggestions.suggestions(sites, 3)).isEqualTo(first);
			AccessData data = new AccessData(jdbc, travelTimes);
			assertThat(first).isEqualTo(new SuggestionService(new Scenes(data), data, settings).suggestions(sites, 3));
		}

		/**
		 * A département's answer reads only the offers that reach it (issue 15): its
		 * communes' rows equal those of the answer over every imported département, where
		 * every offer is read.
		 */
		void assertADepartementReadsEveryOfferThatReachesIt() {
			String every = String.join(",",
					jdbc.queryForList("SELECT DISTINCT departement_code FROM commune ORDER BY 1", String.class));
			CoverageQuery one = CoverageQuery.parse("ehpad", 30.0, "48", null, null, null, settings);
			CoverageQuery all = CoverageQuery.parse("ehpad", 30.0, every, null, null, null, settings);
			AccessibilityReport lozere = cached.accessibility(one);
			Map<String, AccessibilityReport.Row> national = cached.accessibility(all)
				.communes()
				.stream()
				.collect(Collectors.toMap(AccessibilityReport.Row::code, r -> r));
			assertThat(lozere.communes()).hasSize(152);
			assertThat(lozere.communes()).anyMatch(r -> r.index() > 0);
			for (AccessibilityReport.Row r : lozere.communes()) {
				AccessibilityReport.Row n = national.get(r.code());
				assertThat(List.of(r.index(), r.offersInReach(), String.valueOf(r.demand()))).as(r.code())
					.isEqualTo(List.of(n.index(), n.offersInReach(), String.valueOf(n.demand())));
			}
			CoverageQuery ssiad = CoverageQuery.parse("ssiad,spasad", 20.0, "48", null, null, null, settings);
			CoverageQuery ssiadAll = CoverageQuery.parse("ssiad,spasad", 20.0, every, null, null, null, settings);
			List<CoverageReport.Row> nationalRows = cached.coverage(ssiadAll)
				.communes()
				.stream()
				.filter(r -> r.code().startsWith("48"))
				.toList();
			assertThat(cached.coverage(ssiad).communes()).containsExactlyInAnyOrderElementsOf(nationalRows);
		}

		/**
		 * The suggestions time each candidate against the communes left to cover, within
		 * the engine's reach only (issue 15): they equal a greedy cover over every
		 * candidate's whole row, timed to every commune of the scope.
		 */
		void assertSuggestionsEqualAGreedyCoverOfWholeRows() {
			CoverageQuery q = CoverageQuery.parse("ssiad,saad", 20.0, "48", null, null, null, settings);
			Scenes.Scene s = new Scenes(new AccessData(jdbc, travelTimes)).scene(q, q.minutes(), Set.of(), List.of(),
					true, true);
			Territory t = s.territory();
			Nearest nearest = Nearest.of(s.matrix());
			boolean[] covered = new boolean[t.size()];
			double[] weight = new double[t.size()];
			List<Point> every = new ArrayList<>();
			for (int i : s.area()) {
				covered[i] = nearest.within(i, q.seconds());
				weight[i] = Math.max(t.aged75(i), 0);
				every.add(t.point(i));
			}
			TimeMatrix.Builder rows = TimeMatrix.builder(t.size());
			for (int c : s.area()) {
				List<Leg> legs = travelTimes.oneToMany(t.point(c), every, q.seconds(), false);
				for (int e = 0; e < legs.size(); e++) {
					if (legs.get(e).reachable() && legs.get(e).seconds() <= q.seconds()) {
						rows.add(s.area()[e], legs.get(e).seconds(), true);
					}
				}
				rows.endRow();
			}
			List<GreedyCover.Step> whole = GreedyCover.choose(rows.build(), weight, covered, 5);

			List<SuggestionReport.Step> steps = suggestions.suggestions(q, 5).steps();
			assertThat(whole).hasSizeGreaterThan(1).hasSameSizeAs(steps);
			for (int k = 0; k < whole.size(); k++) {
				GreedyCover.Step w = whole.get(k);
				assertThat(steps.get(k).communeCode()).isEqualTo(t.code(s.area()[w.candidate()]));
				assertThat(steps.get(k).gain()).isEqualTo((long) w.gain());
				assertThat(steps.get(k).newlyCovered())
					.containsExactlyInAnyOrderElementsOf(IntStream.of(w.newlyCovered()).mapToObj(t::code).toList());
			}
		}

		@Test
		void cachedCoverageEqualsAFreshComputationAfterAnImportAndARefresh() throws IOException {
			assertThat(imports.importDirectory(SharedData.root()).status()).isEqualTo(ImportReport.Status.SUCCEEDED);
			assertCachedEqualsFresh();
			assertSuggestionsEqualAGreedyCoverOfWholeRows();
			CoverageQuery ssiad = CoverageQuery.parse("ssiad", 10.0, "48", null, null, null, settings);
			CoverageReport before = cached.coverage(ssiad);

			// a new SSIAD in the commune with the most uncovered people aged 75+: the
			// import changes coverage at once (its times computed on the fly), then the
			// refresh puts it in the precomputed table
			CoverageReport.Row target = before.uncovered().get(0);
			double[] point = jdbc.queryForObject("SELECT ST_X(rep_point), ST_Y(rep_point) FROM commune WHERE code = ?",
					(rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2) }, target.code());
			Path csv = folder.resolve("offers.csv");
			Files.writeString(csv, "source,ref,name,family,audience,capacity,lon,lat\n"
					+ "test,SSIAD-1,SSIAD (test),ssiad,elderly,20," + point[0] + "," + point[1] + "\n");
			assertThat(imports.importFiles(ImportKind.OFFERS, List.of(csv), ImportService.Options.NONE).failed())
				.isFalse();
			assertCachedEqualsFresh();
			assertThat(cached.coverage(ssiad).totals().aged75Plus().covered())
				.isGreaterThanOrEqualTo(before.totals().aged75Plus().covered() + target.aged75Plus());

			precompute.refresh();
			assertCachedEqualsFresh();
			assertADepartementReadsEveryOfferThatReachesIt();
			assertThat(cached.coverage(ssiad).totals().aged75Plus().covered())
				.isGreaterThanOrEqualTo(before.totals().aged75Plus().covered() + target.aged75Plus());

			// the new SSIAD is edited: moved to the second most uncovered commune; the
			// incremental refresh recomputes it alone, and the cache follows
			String second = before.uncovered().get(1).code();
			jdbc.update("UPDATE offer SET geom = (SELECT rep_point FROM commune WHERE code = ?)"
					+ " WHERE name = 'SSIAD (test)'", second);
			OffersChanged.publishAfterCommit(events, "test: offer moved");
			assertThat(precompute.refreshIfStale()).isPresent();
			assertThat(precompute.lastRefresh().orElseThrow().offersComputed()).isEqualTo(1);
			assertCachedEqualsFresh();
			assertThat(cached.coverage(ssiad).uncovered()).noneMatch(r -> r.code().equals(second));
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
