package fr.proxima.map;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the map pages need to know before drawing: the base map and the first view. */
@RestController
@Tag(name = "Map", description = "configuration of the public map and the embeddable widget")
class MapController {

	private final MapSettings settings;

	MapController(MapSettings settings) {
		this.settings = settings;
	}

	/** The base map and the départements framing the first view. */
	record MapConfig(@Schema(
			description = "raster tile URL template; null: the map draws the commune outlines only") String tileUrl,
			@Schema(description = "attribution of the tiles; null without tiles") String attribution,
			@Schema(description = "départements drawn by the base map",
					example = "[\"48\"]") List<String> departements) {

	}

	@GetMapping(path = "/api/map/config", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "getMapConfig", summary = "Base map and first view of the map pages")
	MapConfig config() {
		return new MapConfig(settings.hasTiles() ? settings.tileUrl() : null,
				settings.hasTiles() && !settings.attribution().isBlank() ? settings.attribution() : null,
				settings.departements());
	}

}
