package fr.proxima.tiles;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Vector tile settings ({@code proxima.tiles.*}).
 *
 * @param cacheDir folder of the tile cache, emptied at start and after every import (safe
 * to delete)
 * @param basemap the self-hosted basemap (MBTiles built by {@code gis/build-basemap.sh});
 * none served when the file does not exist
 */
@ConfigurationProperties("proxima.tiles")
public record TileSettings(@DefaultValue("./tiles/cache") Path cacheDir,
		@DefaultValue("./tiles/basemap/basemap.mbtiles") Path basemap) {

}
