package fr.proxima.tiles.internal;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Tiles on PostGIS: {@code ST_AsMVT} over {@code ST_AsMVTGeom}, one statement per layer;
 * the layers' tiles are concatenated (an MVT tile is a sequence of layers).
 */
public class PostgisTileEncoder implements TileEncoder {

	private final NamedParameterJdbcTemplate jdbc;

	private final LayerConfig config;

	public PostgisTileEncoder(NamedParameterJdbcTemplate jdbc, LayerConfig config) {
		this.jdbc = jdbc;
		this.config = config;
	}

	@Override
	public byte[] encode(List<LayerConfig.Layer> layers, int z, int x, int y) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (LayerConfig.Layer layer : layers) {
			out.writeBytes(layer(layer, z, x, y));
		}
		return out.toByteArray();
	}

	/** The raw {@code ST_AsMVT} statement of one layer (the bench times it alone). */
	public byte[] layer(LayerConfig.Layer layer, int z, int x, int y) {
		LayerSql sql = LayerSql.of(layer.id(), z);
		MapSqlParameterSource params = LayerSql.Envelopes.params(z, x, y, config, layer.maxFeatures())
			.addValue("layer", layer.id());
		String geom = "ST_AsMVTGeom(ST_Transform(" + sql.geometry() + ", 3857), " + LayerSql.Envelopes.MERCATOR + ", "
				+ config.extent() + ", " + config.buffer() + ", true)";
		String mvt = "SELECT ST_AsMVT(t, :layer, " + config.extent() + ", 'geom'"
				+ (sql.idColumn() == null ? "" : ", '" + sql.idColumn() + "'") + ") FROM (" + sql.select(geom) + ") t";
		byte[] bytes = jdbc.queryForObject(mvt, params, byte[].class);
		return bytes == null ? new byte[0] : bytes;
	}

}
