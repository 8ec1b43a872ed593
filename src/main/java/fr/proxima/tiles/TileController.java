package fr.proxima.tiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import fr.proxima.ogc.PublicLinks;
import fr.proxima.tiles.internal.LayerConfig;
import fr.proxima.tiles.internal.MbTiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tiles", description = "Mapbox vector tiles (MVT) of the public layers, with TileJSON 3 documents")
class TileController {

	static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");

	private final Tiles tiles;

	private final PublicLinks links;

	private final MbTiles basemap;

	TileController(Tiles tiles, PublicLinks links, TileSettings settings) {
		this.tiles = tiles;
		this.links = links;
		this.basemap = new MbTiles(settings.basemap());
	}

	@GetMapping(path = "/tiles", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "listTileLayers", summary = "The tile layers and their TileJSON documents; the"
			+ " self-hosted basemap (null while none is built), which the map pages draw when present")
	Map<String, Object> layers() {
		List<String> ids = new java.util.ArrayList<>();
		ids.add(LayerConfig.ALL);
		tiles.config().layers().forEach(l -> ids.add(l.id()));
		Map<String, Object> list = new LinkedHashMap<>();
		list.put("layers", ids.stream()
			.map(id -> Map.of("id", id, "tilejson", base() + "/tiles/" + id + ".json", "description",
					id.equals(LayerConfig.ALL) ? "every layer in one tile" : tiles.layers(id).get(0).description()))
			.toList());
		list.put("basemap", basemap());
		return list;
	}

	/** The basemap's TileJSON link, zooms and attribution, or null when none is built. */
	private Map<String, Object> basemap() {
		if (!basemap.exists()) {
			return null;
		}
		Map<String, String> meta = basemap.metadata();
		return Map.of("tilejson", base() + "/tiles/basemap.json", "minzoom",
				Integer.parseInt(meta.getOrDefault("minzoom", "0")), "maxzoom",
				Integer.parseInt(meta.getOrDefault("maxzoom", "14")), "attribution",
				meta.getOrDefault("attribution", "© OpenStreetMap contributors (ODbL)"));
	}

	@GetMapping(path = "/tiles/{tileset}.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "getTileJson", summary = "TileJSON 3.0.0 document of a tile layer")
	Map<String, Object> tileJson(@PathVariable String tileset) {
		List<LayerConfig.Layer> layers = tiles.layers(tileset);
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("tilejson", "3.0.0");
		d.put("name", "proxima-" + tileset);
		d.put("description", tileset.equals(LayerConfig.ALL) ? "Proxima: offers, communes and départements"
				: layers.get(0).description());
		d.put("version", "1.0.0");
		d.put("attribution", "Proxima — FINESS, INSEE, IGN / Etalab (Licence Ouverte 2.0)");
		d.put("scheme", "xyz");
		d.put("tiles", List.of(base() + "/tiles/" + tileset + "/{z}/{x}/{y}.mvt"));
		d.put("minzoom", layers.stream().mapToInt(LayerConfig.Layer::minzoom).min().orElse(0));
		d.put("maxzoom", layers.stream().mapToInt(LayerConfig.Layer::maxzoom).max().orElse(14));
		d.put("bounds", List.of(-180, -85.0511, 180, 85.0511));
		d.put("center", List.of(3.4993, 44.5181, 9));
		d.put("vector_layers",
				layers.stream()
					.map(l -> Map.of("id", l.id(), "description", l.description(), "minzoom", l.minzoom(), "maxzoom",
							l.maxzoom(), "fields", l.fields()))
					.toList());
		return d;
	}

	@GetMapping(path = "/tiles/{tileset}/{z}/{x}/{y}.mvt")
	@Operation(operationId = "getTile", summary = "One vector tile (XYZ scheme); empty where nothing is drawn")
	ResponseEntity<byte[]> tile(@PathVariable String tileset, @PathVariable int z, @PathVariable int x,
			@PathVariable int y, @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
		Tiles.Tile t = tiles.tile(tileset, z, x, y);
		CacheControl cache = CacheControl.maxAge(t.maxAgeSeconds(), TimeUnit.SECONDS).cachePublic();
		if (ifNoneMatch != null && ifNoneMatch.contains(t.etag())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(t.etag()).cacheControl(cache).build();
		}
		return ResponseEntity.ok()
			.contentType(MVT)
			.eTag(t.etag())
			.cacheControl(cache)
			.header("X-Proxima-Tile-Cache", t.cached() ? "hit" : "miss")
			.body(t.bytes());
	}

	private String base() {
		return links.url("");
	}

}
