package fr.proxima.importing;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import fr.proxima.support.H2Test;
import fr.proxima.support.SyntheticFrance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

// issue 15: the synthetic France of FranceBench has the real proportions, valid polygons, and the importer takes it
class SyntheticFranceTest {

	private static SyntheticFrance france;

	@BeforeAll
	static void generate() {
		france = SyntheticFrance.full();
	}

	@Test
	void hasFranceCountsOfCommunesDepartementsAndOffers() {
		assertThat(france.communes()).hasSizeBetween(34_650, 35_350);
		assertThat(france.offers()).hasSize(SyntheticFrance.OFFERS);
		Map<String, Long> perDepartement = france.communes()
			.stream()
			.collect(Collectors.groupingBy(SyntheticFrance.Commune::departement, TreeMap::new, Collectors.counting()));
		assertThat(perDepartement).hasSize(96).containsKeys("01", "2A", "2B", "48", "95").doesNotContainKey("20");
		assertThat(perDepartement.values()).allSatisfy(n -> assertThat(n).isBetween(50L, 999L));
		assertThat(france.communes().stream().map(SyntheticFrance.Commune::code))
			.allMatch(c -> c.matches("\\d[\\dAB]\\d{3}"))
			.doesNotHaveDuplicates();
		assertThat(france.offers().stream().map(SyntheticFrance.Offer::et)).allMatch(c -> c.matches("\\d[\\dAB]\\d{7}"))
			.doesNotHaveDuplicates();
	}

	@Test
	void offersFollowTheCategoryMixOfTheRealFiness() {
		int real = france.categories().values().stream().mapToInt(SyntheticFrance.Category::realCount).sum();
		Map<String, Long> made = france.offers()
			.stream()
			.collect(Collectors.groupingBy(SyntheticFrance.Offer::category, Collectors.counting()));
		france.categories()
			.values()
			.forEach(c -> assertThat((double) made.getOrDefault(c.code(), 0L)).as("category " + c.code())
				.isCloseTo((double) SyntheticFrance.OFFERS * c.realCount() / real, within(1.0)));
		Map<String, Long> families = france.offers()
			.stream()
			.collect(Collectors.groupingBy(o -> france.categories().get(o.category()).family(), Collectors.counting()));
		assertThat(families).containsKeys("ehpad", "ssiad", "saad", "pharmacy", "hospital", "disability_adult");
		// EHPAD are about 1 in 10 FINESS establishments in the real extracts (8
		// départements)
		assertThat(families.get("ehpad")).isBetween(8_000L, 13_000L);
		assertThat(france.offers().stream().filter(o -> o.capacity() != null).count()).isEqualTo(made.get("500"));
	}

	@Test
	void populationHasRealLikeTotalsAndAgeShares() {
		long total = france.communes().stream().mapToLong(SyntheticFrance.Commune::population).sum();
		long aged75 = france.communes().stream().mapToLong(SyntheticFrance.Commune::aged75).sum();
		long aged85 = france.communes().stream().mapToLong(SyntheticFrance.Commune::aged85).sum();
		assertThat(total).isBetween(50_000_000L, 75_000_000L);
		assertThat((double) aged75 / total).isBetween(0.08, 0.13);
		assertThat((double) aged85 / aged75).isBetween(0.28, 0.38);
		int[] sizes = france.communes().stream().mapToInt(SyntheticFrance.Commune::population).sorted().toArray();
		assertThat(sizes[sizes.length / 2]).as("median commune").isBetween(350, 600);
		assertThat(france.communes())
			.allMatch(c -> c.aged85() <= c.aged75() && c.aged75() <= c.population() && c.population() > 0);
	}

	@Test
	void polygonsAreValidTileWithoutOverlapAndHoldTheirOffers() {
		STRtree index = new STRtree();
		double area = 0;
		for (SyntheticFrance.Commune c : france.communes()) {
			Polygon p = c.polygon();
			assertThat(p.isValid()).as(c.code()).isTrue();
			area += p.getArea();
			index.insert(p.getEnvelopeInternal(), p);
		}
		// neighbours share their vertices: a sample of unions has the area of its parts
		GeometryFactory f = new GeometryFactory();
		for (int k = 0; k < france.communes().size(); k += 997) {
			Polygon p = france.communes().get(k).polygon();
			@SuppressWarnings("unchecked")
			java.util.List<Polygon> around = index.query(p.getEnvelopeInternal());
			double parts = around.stream().mapToDouble(Geometry::getArea).sum();
			assertThat(f.buildGeometry(around).union().getArea()).isCloseTo(parts, within(parts * 1e-9));
		}
		assertThat(area).as("square degrees of France").isBetween(60.0, 80.0);
		Map<String, SyntheticFrance.Commune> byCode = france.communes()
			.stream()
			.collect(Collectors.toMap(SyntheticFrance.Commune::code, c -> c));
		Map<String, org.locationtech.jts.geom.prep.PreparedGeometry> prepared = new java.util.HashMap<>();
		assertThat(france.offers()).allMatch(o -> prepared
			.computeIfAbsent(o.commune().code(), code -> PreparedGeometryFactory.prepare(byCode.get(code).polygon()))
			.covers(f.createPoint(new org.locationtech.jts.geom.Coordinate(o.lon(), o.lat()))));
	}

	// a context of its own, hence an empty in-memory store: the cached default context
	// holds
	// the data other test classes imported
	@Nested
	@SpringBootTest(properties = "proxima.test.store=synthetic-france")
	@H2Test
	class ImportedOnH2 {

		@Autowired
		ImportService imports;

		@Autowired
		JdbcTemplate jdbc;

		@Test
		void theImporterTakesASampleOfTwoDepartementsInTheOfficialLayouts(@TempDir Path folder) throws Exception {
			Set<String> sample = Set.of("48", "2A");
			france.write(folder, sample::contains, sample::contains);
			DirectoryImportReport report = imports.importDirectory(folder);
			assertThat(report.status()).as(report.toString()).isEqualTo(ImportReport.Status.SUCCEEDED);
			assertThat(report.steps().stream().map(ImportReport::getKind)).containsExactly("communes", "population",
					"finess", "ehpad-capacity");
			assertThat(report.steps()).allSatisfy(s -> assertThat(s.getErrorCount()).isZero());
			long communes = france.communes().stream().filter(c -> sample.contains(c.departement())).count();
			var offers = france.offers().stream().filter(o -> sample.contains(o.commune().departement())).toList();
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM commune", Long.class)).isEqualTo(communes);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM population", Long.class)).isEqualTo(communes);
			assertThat(jdbc.queryForObject("SELECT SUM(aged_75_plus) FROM population", Long.class))
				.isEqualTo(france.communes()
					.stream()
					.filter(c -> sample.contains(c.departement()))
					.mapToLong(SyntheticFrance.Commune::aged75)
					.sum());
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offer WHERE geom IS NOT NULL", Long.class))
				.isEqualTo(offers.size());
			// every offer lands in the commune it was placed in, by the importer's own
			// point-in-polygon after the Lambert-93 round trip
			Map<String, String> communeOf = jdbc
				.query("SELECT finess_et, commune_code FROM offer",
						(rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
			assertThat(offers).allMatch(o -> o.commune().code().equals(communeOf.get(o.et())));
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offer WHERE capacity IS NOT NULL", Long.class))
				.isEqualTo(offers.stream().filter(o -> o.capacity() != null).count())
				.isPositive();
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offer WHERE family = 'other'", Long.class))
				.isLessThan(offers.size() / 4);
		}

	}

}
