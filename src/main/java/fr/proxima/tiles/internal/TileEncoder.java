package fr.proxima.tiles.internal;

import java.util.List;

/** Builds one MVT tile of some layers from the store. */
public interface TileEncoder {

	byte[] encode(List<LayerConfig.Layer> layers, int z, int x, int y);

}
