package fr.proxima.tiles.internal;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.proxima.shared.Coordinates;
import fr.proxima.shared.Geo;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Tiles on the embedded H2GIS: the same rows as on PostGIS ({@link LayerSql}), projected
 * to Web Mercator; points are clipped and quantized by mapbox-vector-tile-java, polygons
 * by {@link TileGeometry} (the rule of {@code ST_AsMVTGeom}); all are encoded by
 * mapbox-vector-tile-java.
 */
public class JavaTileEncoder implements TileEncoder {

	private final NamedParameterJdbcTemplate jdbc;

	private final LayerConfig config;

	private final MvtLayerParams params;

	public JavaTileEncoder(NamedParameterJdbcTemplate jdbc, LayerConfig config) {
		this.jdbc = jdbc;
		this.config = config;
		this.params = new MvtLayerParams(config.extent());
	}

	@Override
	public byte[] encode(List<LayerConfig.Layer> layers, int z, int x, int y) {
		Envelope tile = TileMath.bounds(z, x, y);
		Envelope clip = TileMath.buffered(z, x, y, config.extent(), config.buffer());
		List<JtsLayer> out = new ArrayList<>();
		for (LayerConfig.Layer layer : layers) {
			LayerSql sql = LayerSql.of(layer.id(), z);
			MapSqlParameterSource p = LayerSql.Envelopes.params(z, x, y, config, layer.maxFeatures());
			List<Geometry> features = new ArrayList<>();
			jdbc.query(sql.select("ST_AsBinary(" + sql.geometry() + ")"), p, (ResultSet rs) -> {
				Geometry g = Geo.fromWkb(rs.getBytes("geom"));
				if (g == null || g.isEmpty()) {
					return;
				}
				Geometry mercator = Coordinates.mapped(g, (lon, lat, xy) -> {
					xy[0] = TileMath.x(lon);
					xy[1] = TileMath.y(lat);
				});
				Geometry tileGeom = mercator.getDimension() == 2
						? TileGeometry.polygon(mercator, tile, config.extent(), config.buffer(), Geo.FACTORY)
						: JtsAdapter.createTileGeom(mercator, tile, clip, Geo.FACTORY, params, f -> true);
				if (tileGeom != null && !tileGeom.isEmpty()) {
					tileGeom.setUserData(properties(rs));
					features.add(tileGeom);
				}
			});
			if (!features.isEmpty()) {
				out.add(new JtsLayer(layer.id(), features, config.extent()));
			}
		}
		return out.isEmpty() ? new byte[0]
				: MvtEncoder.encode(new JtsMvt(out), params, new UserDataKeyValueMapConverter("id"));
	}

	/** Every column but the geometry, nulls left out (as ST_AsMVT does). */
	private static Map<String, Object> properties(ResultSet rs) throws SQLException {
		Map<String, Object> p = new LinkedHashMap<>();
		ResultSetMetaData meta = rs.getMetaData();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			String name = meta.getColumnLabel(i).toLowerCase();
			Object v = rs.getObject(i);
			if (!name.equals("geom") && v != null) {
				p.put(name, v instanceof Number n && !(v instanceof Double) ? (Object) n.longValue() : v);
			}
		}
		return p;
	}

}
