package fr.proxima.tiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.jayway.jsonpath.JsonPath;
import fr.proxima.support.AndorraBasemap;
import fr.proxima.support.H2Test;
import fr.proxima.support.LozereServer;
import fr.proxima.tiles.internal.TileMath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

// issue 14: a self-hosted basemap built from the OSM extract alone (tried on Andorra), served by the app
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@H2Test
class BasemapTest extends LozereServer {

	static final Path BASEMAP = Path.of("target/basemap-test/andorra.mbtiles").toAbsolutePath();

	static String unavailable;

	@DynamicPropertySource
	static void buildTheBasemap(DynamicPropertyRegistry registry) {
		registry.add("proxima.tiles.basemap", BASEMAP::toString);
		unavailable = AndorraBasemap.build(BASEMAP);
	}

	@Override
	protected boolean needsLozere() {
		return false;
	}

	@Test
	void theAndorraBasemapIsServedWithRoadsAndBuildings() throws IOException {
		AndorraBasemap.require(unavailable);
		String tj = ok("/tiles/basemap.json");
		assertThat(JsonPath.<String>read(tj, "$.tilejson")).isEqualTo("3.0.0");
		assertThat(JsonPath.<List<String>>read(tj, "$.vector_layers[*].id")).contains("roads", "water", "places");
		assertThat(JsonPath.<String>read(tj, "$.tiles[0]")).endsWith("/tiles/basemap/{z}/{x}/{y}.mvt");
		// the list of tile layers tells the map pages that a basemap is built
		String list = ok("/tiles");
		assertThat(JsonPath.<String>read(list, "$.basemap.tilejson")).endsWith("/tiles/basemap.json");
		assertThat(JsonPath.<Integer>read(list, "$.basemap.maxzoom")).isEqualTo(14);
		// Andorra la Vella
		int[] xy = TileMath.tileOf(14, 1.5218, 42.5063);
		HttpResponse<byte[]> r = get("/tiles/basemap/14/" + xy[0] + "/" + xy[1] + ".mvt");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Encoding")).contains("gzip");
		byte[] mvt = new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes();
		assertThat(MvtFeatures.of(mvt).keySet()).contains("roads", "buildings");
		assertThat(MvtFeatures.values(mvt, "roads", "class")).contains("primary");
		int[] sea = TileMath.tileOf(14, -20.0, 40.0);
		assertThat(get("/tiles/basemap/14/" + sea[0] + "/" + sea[1] + ".mvt").body()).isEmpty();
	}

}
