package fr.proxima.tiles;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import fr.proxima.ogc.PublicLinks;
import fr.proxima.shared.InvalidInputException;
import fr.proxima.shared.NotFoundException;
import fr.proxima.tiles.internal.MbTiles;
import fr.proxima.tiles.internal.TileMath;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The self-hosted basemap ({@code proxima.tiles.basemap}, an MBTiles file built by
 * {@code gis/build-basemap.sh} from the OSM extract): the map pages draw it instead of a
 * third-party tile server. 404 while no basemap is built.
 */
@RestController
@Tag(name = "Tiles")
class BasemapController {

	private final MbTiles mbtiles;

	private final PublicLinks links;

	BasemapController(TileSettings settings, PublicLinks links) {
		this.mbtiles = new MbTiles(settings.basemap());
		this.links = links;
	}

	@GetMapping(path = "/tiles/basemap.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "getBasemapTileJson", summary = "TileJSON 3.0.0 of the self-hosted basemap")
	Map<String, Object> tileJson() {
		Map<String, String> meta = metadata();
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("tilejson", "3.0.0");
		d.put("name", meta.getOrDefault("name", "Proxima basemap"));
		d.put("description", meta.getOrDefault("description", ""));
		d.put("attribution", meta.getOrDefault("attribution", "© OpenStreetMap contributors (ODbL)"));
		d.put("scheme", "xyz");
		d.put("tiles", List.of(links.url("/tiles/basemap/{z}/{x}/{y}.mvt")));
		d.put("minzoom", Integer.parseInt(meta.getOrDefault("minzoom", "0")));
		d.put("maxzoom", Integer.parseInt(meta.getOrDefault("maxzoom", "14")));
		if (meta.containsKey("bounds")) {
			d.put("bounds", Arrays.stream(meta.get("bounds").split(",")).map(Double::parseDouble).toList());
		}
		if (meta.containsKey("json")) {
			d.put("vector_layers", JsonMapper.builder().build().readTree(meta.get("json")).get("vector_layers"));
		}
		return d;
	}

	@GetMapping(path = "/tiles/basemap/{z}/{x}/{y}.mvt")
	@Operation(operationId = "getBasemapTile", summary = "One basemap tile (gzip-encoded MVT as stored)")
	ResponseEntity<byte[]> tile(@PathVariable int z, @PathVariable int x, @PathVariable int y) {
		metadata();
		if (!TileMath.valid(z, x, y)) {
			throw new InvalidInputException("No tile " + z + "/" + x + "/" + y);
		}
		byte[] tile = mbtiles.tile(z, x, y);
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
			.contentType(TileController.MVT)
			.cacheControl(CacheControl.maxAge(1, TimeUnit.DAYS).cachePublic());
		if (tile == null) {
			return ok.body(new byte[0]);
		}
		if (MbTiles.gzipped(tile)) {
			ok.header(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		return ok.body(tile);
	}

	private Map<String, String> metadata() {
		if (!mbtiles.exists()) {
			throw new NotFoundException("No basemap built: run gis/build-basemap.sh <extract.osm.pbf> (docs/ogc.md)");
		}
		return mbtiles.metadata();
	}

}
