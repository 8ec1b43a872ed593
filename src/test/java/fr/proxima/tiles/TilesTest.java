package fr.proxima.tiles;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.jayway.jsonpath.JsonPath;
import fr.proxima.importing.ImportKind;
import fr.proxima.importing.ImportReport;
import fr.proxima.importing.ImportService;
import fr.proxima.support.H2Test;
import fr.proxima.support.LozereServer;
import fr.proxima.support.PostgisTest;
import fr.proxima.tiles.internal.TileMath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

// issue 14: vector tiles of the public layers on both databases, the same features on each
class TilesTest {

	/** Mende's town hall. */
	static final double LON = 3.4993, LAT = 44.5181;

	/** Tiles compared across databases: z12 over Mende, z9, and z7 holding all Lozère. */
	static final int[][] COMPARED = { tile(12), tile(9), tile(7), tile(5) };

	/** Decoded tiles per database, compared once both nested classes have run. */
	static final Map<String, Map<String, Map<String, List<String>>>> DECODED = new ConcurrentHashMap<>();

	static int[] tile(int z) {
		int[] xy = TileMath.tileOf(z, LON, LAT);
		return new int[] { z, xy[0], xy[1] };
	}

	@AfterAll
	static void bothDatabasesDrawTheSameFeatures() {
		Map<String, Map<String, List<String>>> h2 = DECODED.get("h2");
		Map<String, Map<String, List<String>>> pg = DECODED.get("postgis");
		if (h2 == null || pg == null) {
			System.out.println("TilesTest: PostGIS or H2 tiles missing (" + DECODED.keySet()
					+ "): the cross-database comparison did not run");
			return;
		}
		assertThat(pg.keySet()).isEqualTo(h2.keySet());
		for (String key : h2.keySet()) {
			for (String layer : h2.get(key).keySet()) {
				if (key.startsWith("5/") && layer.equals("departements")) {
					// known difference: at z5 mapbox-vector-tile-java drops département
					// polygons that ST_AsMVTGeom
					// keeps (docs/ogc.md); offers and communes are compared at z5 too
					continue;
				}
				TreeSet<String> onlyH2 = new TreeSet<>(h2.get(key).get(layer));
				onlyH2.removeAll(pg.get(key).getOrDefault(layer, List.of()));
				TreeSet<String> onlyPg = new TreeSet<>(pg.get(key).getOrDefault(layer, List.of()));
				onlyPg.removeAll(h2.get(key).get(layer));
				assertThat(onlyH2).as("tile %s layer %s: features only on H2GIS (Java encoder)", key, layer).isEmpty();
				assertThat(onlyPg).as("tile %s layer %s: features only on PostGIS (ST_AsMVT)", key, layer).isEmpty();
			}
			assertThat(pg.get(key).keySet()).as("tile %s layers", key).containsAll(h2.get(key).keySet());
		}
	}

	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	abstract static class Contract extends LozereServer {

		@Autowired
		ImportService importer;

		abstract String database();

		@Test
		@Order(1)
		void mendeTileHoldsTheThreeLayersWithTheOffersInside() {
			int[] t = tile(12);
			byte[] mvt = get(tilePath("proxima", t)).body();
			Map<String, List<String>> layers = MvtFeatures.of(mvt);
			assertThat(layers.keySet()).containsExactlyInAnyOrder("offers", "communes", "departements");
			Envelope box = TileMath.toLonLat(TileMath.buffered(t[0], t[1], t[2], 4096, 256));
			List<String> expected = jdbc
				.queryForList("SELECT id FROM offer WHERE ST_X(geom) BETWEEN ? AND ? AND ST_Y(geom) BETWEEN ? AND ?",
						Long.class, box.getMinX(), box.getMaxX(), box.getMinY(), box.getMaxY())
				.stream()
				.map(String::valueOf)
				.toList();
			assertThat(expected).hasSizeGreaterThan(20);
			assertThat(MvtFeatures.values(mvt, "offers", "id")).isEqualTo(new TreeSet<>(expected));
			assertThat(MvtFeatures.values(mvt, "communes", "code")).contains("48095");
			assertThat(MvtFeatures.values(mvt, "departements", "code")).containsExactly("48");
			assertThat(layers.get("offers").get(0)).contains("family=", "audience=", "name=");
		}

		@Test
		@Order(2)
		void decodedTilesAreRecordedForTheCrossDatabaseComparison() {
			Map<String, Map<String, List<String>>> mine = new ConcurrentHashMap<>();
			for (int[] t : COMPARED) {
				HttpResponse<byte[]> r = get(tilePath("proxima", t));
				assertThat(r.statusCode()).isEqualTo(200);
				mine.put(t[0] + "/" + t[1] + "/" + t[2], MvtFeatures.of(r.body()));
			}
			assertThat(mine.get(COMPARED[2][0] + "/" + COMPARED[2][1] + "/" + COMPARED[2][2]).get("communes"))
				.hasSizeGreaterThanOrEqualTo(152);
			DECODED.put(database(), mine);
		}

		@Test
		@Order(3)
		void lowZoomTilesStayUnderTheCap() {
			for (int z = 5; z <= 8; z++) {
				byte[] mvt = get(tilePath("proxima", tile(z))).body();
				assertThat(mvt.length).as("z%d tile bytes", z).isPositive().isLessThanOrEqualTo(512_000);
			}
		}

		@Test
		@Order(4)
		void tilesCarryEtagAndCacheControlAndAnswer304() {
			String path = tilePath("communes", tile(10));
			HttpResponse<byte[]> first = get(path);
			HttpResponse<byte[]> second = get(path);
			String etag = first.headers().firstValue("ETag").orElseThrow();
			assertThat(second.headers().firstValue("ETag")).contains(etag);
			assertThat(second.headers().firstValue("X-Proxima-Tile-Cache")).contains("hit");
			assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=3600", "public");
			assertThat(first.headers().firstValue("Content-Type")).contains("application/vnd.mapbox-vector-tile");
			assertThat(get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
			assertThat(get(tilePath("departements", tile(10))).headers().firstValue("Cache-Control").orElseThrow())
				.contains("max-age=86400");
		}

		@Test
		@Order(5)
		void tileJsonAndLayerListDescribeTheLayers() {
			String list = ok("/tiles");
			assertThat(JsonPath.<List<String>>read(list, "$.layers[*].id")).containsExactly("proxima", "offers",
					"communes", "departements");
			String tj = ok("/tiles/offers.json");
			assertThat(JsonPath.<String>read(tj, "$.tilejson")).isEqualTo("3.0.0");
			assertThat(JsonPath.<String>read(tj, "$.tiles[0]")).endsWith("/tiles/offers/{z}/{x}/{y}.mvt");
			assertThat(JsonPath.<List<String>>read(tj, "$.vector_layers[*].id")).containsExactly("offers");
			assertThat(get("/tiles/nothing/1/0/0.mvt").statusCode()).isEqualTo(404);
			assertThat(get("/tiles/offers/3/9/0.mvt").statusCode()).isEqualTo(400);
		}

		@Test
		@Order(99)
		void anImportEmptiesTheCachedTiles() {
			String path = tilePath("offers", tile(14));
			HttpResponse<byte[]> before = get(path);
			assertThat(get(path).headers().firstValue("X-Proxima-Tile-Cache")).contains("hit");
			assertThat(new String(before.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Habitat inclusif");
			ImportReport report = importer.importFiles(ImportKind.OFFERS,
					List.of(Path.of("gis/samples/offers-sample.csv")), ImportService.Options.NONE);
			assertThat(report.failed()).as(report.toString()).isFalse();
			HttpResponse<byte[]> after = get(path);
			assertThat(after.headers().firstValue("X-Proxima-Tile-Cache")).contains("miss");
			assertThat(after.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
			assertThat(MvtFeatures.of(after.body()).get("offers").toString())
				.contains("Habitat inclusif de démonstration");
		}

		static String tilePath(String tileset, int[] t) {
			return "/tiles/" + tileset + "/" + t[0] + "/" + t[1] + "/" + t[2] + ".mvt";
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	@H2Test
	class OnH2 extends Contract {

		@Override
		String database() {
			return "h2";
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	@PostgisTest
	class OnPostgis extends Contract {

		@Override
		String database() {
			return "postgis";
		}

	}

}
