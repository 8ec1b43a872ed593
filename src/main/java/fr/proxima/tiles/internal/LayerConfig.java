package fr.proxima.tiles.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The layer configuration {@code tiles/layers.json}: tile extent and buffer, the size cap
 * of a tile, and per layer its zoom range, feature cap and cache max-age.
 */
public record LayerConfig(int extent, int buffer, int maxTileBytes, List<Layer> layers) {

	/** The tileset holding every layer in one tile. */
	public static final String ALL = "proxima";

	public record Layer(String id, String description, int minzoom, int maxzoom, int maxFeatures, int maxAgeSeconds,
			Map<String, String> fields) {
	}

	public static LayerConfig load() {
		try (InputStream in = LayerConfig.class.getResourceAsStream("/tiles/layers.json")) {
			if (in == null) {
				throw new IllegalStateException("tiles/layers.json is missing from the classpath");
			}
			return JsonMapper.builder()
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.build()
				.readValue(in, LayerConfig.class);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The layers of a tileset: one layer, or all of them for {@link #ALL}. */
	public List<Layer> tileset(String id) {
		if (ALL.equals(id)) {
			return layers;
		}
		return layers.stream().filter(l -> l.id().equals(id)).toList();
	}

}
