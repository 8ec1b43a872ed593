package fr.proxima.ogc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import fr.proxima.support.Gdal;
import fr.proxima.support.H2Test;
import fr.proxima.support.LozereServer;
import fr.proxima.support.PostgisTest;
import fr.proxima.tiles.internal.TileMath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

// issue 14: GDAL (ogrinfo/ogr2ogr from gdal-bin) as a real client of the running app, on both databases
class GdalClientTest {

	abstract static class Contract extends LozereServer {

		@TempDir
		Path dir;

		@BeforeEach
		void needsGdal() {
			Gdal.require();
		}

		@Test
		void ogrinfoListsTheCollections() {
			String out = Gdal.run("ogrinfo", "-ro", "OAPIF:" + url("/ogc"));
			assertThat(out).contains("offers (title: Offers) (Point)", "communes (title: Communes)",
					"departements (title: Départements)", "coverage (title: Coverage)");
		}

		@Test
		void ogr2ogrReadsAllLozereOffersPagingThroughNextLinks() throws IOException {
			Path out = dir.resolve("lozere-offers.geojson");
			// 100 per page: the 4,688 offers of Lozère and its neighbours take 47 pages;
			// GDAL follows the next links
			Gdal.run("ogr2ogr", "-oo", "PAGE_SIZE=100", "-f", "GeoJSON", out.toString(), "OAPIF:" + url("/ogc"),
					"offers", "-where", "departement = '48'");
			String json = Files.readString(out);
			List<Map<String, Object>> props = JsonPath.read(json, "$.features[*].properties");
			assertThat(props).hasSize(274);
			assertThat(props.get(0).keySet()).contains("id", "finess_et", "name", "family", "audience", "capacity",
					"commune_code", "departement", "source_name", "source_date");
			Map<String, Object> ehpad = jdbc.queryForMap("SELECT finess_et, name, capacity FROM offer"
					+ " WHERE finess_et = (SELECT MIN(finess_et) FROM offer WHERE family = 'ehpad' AND finess_et LIKE '48%')");
			Map<String, Object> read = props.stream()
				.filter(p -> ehpad.get("finess_et").equals(p.get("finess_et")))
				.findFirst()
				.orElseThrow();
			assertThat(read.get("name")).isEqualTo(ehpad.get("name"));
			assertThat(((Number) read.get("capacity")).intValue())
				.isEqualTo(((Number) ehpad.get("capacity")).intValue());
			assertThat(JsonPath.<List<String>>read(json, "$.features[*].geometry.type")).containsOnly("Point");
		}

		@Test
		void ogrinfoReadsTheVectorTileOverMende() throws IOException {
			int[] xy = TileMath.tileOf(12, 3.4993, 44.5181);
			String path = "/tiles/proxima/12/" + xy[0] + "/" + xy[1] + ".mvt";
			// z/x/y in the file path: GDAL's MVT driver georeferences the tile from it
			Path file = dir.resolve("12/" + xy[0] + "/" + xy[1] + ".mvt");
			Files.createDirectories(file.getParent());
			Files.write(file, get(path).body());
			Map<String, Integer> counts = layerCounts(Gdal.run("ogrinfo", "-ro", "-so", "-al", file.toString()));
			assertThat(counts.keySet()).containsExactlyInAnyOrder("offers", "communes", "departements");
			Envelope box = TileMath.toLonLat(TileMath.buffered(12, xy[0], xy[1], 4096, 256));
			long offers = jdbc.queryForObject(
					"SELECT COUNT(*) FROM offer WHERE ST_X(geom) BETWEEN ? AND ? AND ST_Y(geom) BETWEEN ? AND ?",
					Long.class, box.getMinX(), box.getMaxX(), box.getMinY(), box.getMaxY());
			assertThat(counts.get("offers")).isEqualTo((int) offers).isGreaterThan(20);
			assertThat(counts.get("departements")).isEqualTo(1);
			assertThat(counts.get("communes")).isBetween(2, 40);
		}

		@Test
		void ogrinfoOpensTheGeoPackageExport() throws IOException {
			Path file = dir.resolve("offers.gpkg");
			Files.write(file, get("/exports/offers.gpkg").body());
			String info = Gdal.run("ogrinfo", "-ro", "-so", file.toString(), "offers");
			long total = jdbc.queryForObject("SELECT COUNT(*) FROM offer", Long.class);
			assertThat(info).contains("Feature Count: " + total);
			String sources = Gdal.run("ogrinfo", "-ro", file.toString(), "-sql",
					"SELECT name, date FROM proxima_sources");
			assertThat(sources).contains("FINESS");
			Path communes = dir.resolve("communes.gpkg");
			Files.write(communes, get("/exports/communes.gpkg").body());
			assertThat(Gdal.run("ogrinfo", "-ro", "-so", communes.toString(), "communes"))
				.contains("Feature Count: " + jdbc.queryForObject("SELECT COUNT(*) FROM commune", Long.class));
		}

		/** Layer name → feature count from {@code ogrinfo -so -al}. */
		static Map<String, Integer> layerCounts(String ogrinfo) {
			Map<String, Integer> counts = new LinkedHashMap<>();
			Matcher m = Pattern.compile("Layer name: (\\S+)[\\s\\S]*?Feature Count: (\\d+)").matcher(ogrinfo);
			while (m.find()) {
				counts.put(m.group(1), Integer.parseInt(m.group(2)));
			}
			return counts;
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	@H2Test
	class OnH2 extends Contract {

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	@PostgisTest
	class OnPostgis extends Contract {

	}

}
