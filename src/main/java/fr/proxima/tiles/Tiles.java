package fr.proxima.tiles;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import fr.proxima.shared.InvalidInputException;
import fr.proxima.shared.NotFoundException;
import fr.proxima.shared.CachesStale;
import fr.proxima.shared.OffersChanged;
import fr.proxima.shared.ReadSql;
import fr.proxima.tiles.internal.JavaTileEncoder;
import fr.proxima.tiles.internal.LayerConfig;
import fr.proxima.tiles.internal.PostgisTileEncoder;
import fr.proxima.tiles.internal.TileCache;
import fr.proxima.tiles.internal.TileEncoder;
import fr.proxima.tiles.internal.TileMath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Vector tiles of the public layers: {@code ST_AsMVT} on PostGIS, a Java encoder on the
 * embedded H2GIS, both over the same rows; cached on disk until the next import.
 */
@Service
public class Tiles {

	private static final Logger log = LoggerFactory.getLogger(Tiles.class);

	private final LayerConfig config = LayerConfig.load();

	private final TileEncoder encoder;

	private final TileCache cache;

	private final boolean postgis;

	Tiles(DataSource dataSource, ReadSql sql, TileSettings settings) {
		this.postgis = isPostgres(dataSource);
		this.encoder = postgis ? new PostgisTileEncoder(sql.jdbc(), config) : new JavaTileEncoder(sql.jdbc(), config);
		this.cache = new TileCache(settings.cacheDir());
	}

	/** A tile, its ETag, whether it came from the cache, and its max-age. */
	public record Tile(byte[] bytes, String etag, boolean cached, int maxAgeSeconds) {
	}

	public LayerConfig config() {
		return config;
	}

	public boolean onPostgis() {
		return postgis;
	}

	public Tile tile(String tileset, int z, int x, int y) {
		List<LayerConfig.Layer> layers = layers(tileset);
		if (!TileMath.valid(z, x, y)) {
			throw new InvalidInputException("No tile " + z + "/" + x + "/" + y + ": 0 ≤ z ≤ 22, 0 ≤ x, y < 2^z");
		}
		List<LayerConfig.Layer> inZoom = layers.stream().filter(l -> z >= l.minzoom() && z <= l.maxzoom()).toList();
		TileCache.Tile t = cache.get(tileset, z, x, y, () -> encoder.encode(inZoom, z, x, y));
		if (t.bytes().length > config.maxTileBytes()) {
			log.warn("Tile {}/{}/{}/{} is {} bytes, over the {} cap of tiles/layers.json", tileset, z, x, y,
					t.bytes().length, config.maxTileBytes());
		}
		int maxAge = inZoom.stream().mapToInt(LayerConfig.Layer::maxAgeSeconds).min().orElse(86400);
		return new Tile(t.bytes(), t.etag(), t.cached(), maxAge);
	}

	/** The same tile built again, without the cache (tests and the bench). */
	public byte[] build(String tileset, int z, int x, int y) {
		List<LayerConfig.Layer> inZoom = layers(tileset).stream()
			.filter(l -> z >= l.minzoom() && z <= l.maxzoom())
			.toList();
		return encoder.encode(inZoom, z, x, y);
	}

	public List<LayerConfig.Layer> layers(String tileset) {
		List<LayerConfig.Layer> layers = config.tileset(tileset);
		if (layers.isEmpty()) {
			throw new NotFoundException("No tile layer '" + tileset + "'. Layers: " + LayerConfig.ALL + ", "
					+ config.layers().stream().map(LayerConfig.Layer::id).toList());
		}
		return layers;
	}

	/** Imports change offers and territories: every cached tile is dropped. */
	@EventListener
	void onOffersChanged(OffersChanged event) {
		cache.invalidate();
		log.info("Tile cache emptied after {}", event.source());
	}

	/** Another instance changed the store (issue 16): its tiles are stale here too. */
	@EventListener
	void onCachesStale(CachesStale event) {
		cache.invalidate();
		log.info("Tile cache emptied after {}", event.source());
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection c = dataSource.getConnection()) {
			return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot tell the database of the tiles", e);
		}
	}

}
