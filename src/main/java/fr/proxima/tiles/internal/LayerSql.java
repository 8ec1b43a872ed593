package fr.proxima.tiles.internal;

import org.locationtech.jts.geom.Envelope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The rows of one tile layer, the same on both databases: columns, table, the geometry in
 * lon/lat (polygons simplified for the zoom), the spatial filter on the tile's buffered
 * rectangle, the order that decides which features a capped tile keeps, and the feature
 * id column (offers only: commune and département codes are not integers).
 */
public record LayerSql(String columns, String from, String geometry, String filter, String order, String idColumn) {

	private static final String COMMUNE_COLUMNS = "c.code, c.name, c.departement_code AS departement,"
			+ " p.total AS population, p.aged_75_plus,"
			+ " (SELECT COUNT(*) FROM offer o WHERE o.commune_code = c.code) AS offers";

	private static final String COMMUNES_FROM = "commune c LEFT JOIN population p ON p.commune_code = c.code";

	/**
	 * Below this zoom a commune is a few pixels wide: it is drawn as its representative
	 * point (one point per commune), which also keeps the two encoders equal (quantizing
	 * such small polygons makes them invalid, and PostGIS repairs what the Java encoder
	 * drops).
	 */
	public static final int COMMUNE_POLYGONS_FROM_ZOOM = 7;

	public static LayerSql of(String layer, int z) {
		if (layer.equals("communes") && z < COMMUNE_POLYGONS_FROM_ZOOM) {
			return new LayerSql(COMMUNE_COLUMNS, COMMUNES_FROM, "c.rep_point", "c.rep_point && " + Envelopes.LON_LAT,
					"c.code", null);
		}
		return switch (layer) {
			case "offers" -> new LayerSql("o.id, o.name, o.family, o.audience", "offer o", "o.geom",
					"o.geom && " + Envelopes.LON_LAT, "o.id", "id");
			case "communes" -> new LayerSql(COMMUNE_COLUMNS, COMMUNES_FROM,
					"ST_SimplifyPreserveTopology(c.display_geom, :tolerance)",
					"c.geom && " + Envelopes.LON_LAT + " AND ST_Intersects(c.display_geom, " + Envelopes.LON_LAT + ")",
					"c.code", null);
			case "departements" -> new LayerSql("d.code, d.name", "departement d",
					"ST_SimplifyPreserveTopology(d.geom, :tolerance)", "d.geom IS NOT NULL AND d.geom && "
							+ Envelopes.LON_LAT + " AND ST_Intersects(d.geom, " + Envelopes.LON_LAT + ")",
					"d.code", null);
			default -> throw new IllegalArgumentException("no tile layer " + layer);
		};
	}

	/** The rows as {@code SELECT columns, <geometry expression> AS geom …}, capped. */
	public String select(String geometryExpression) {
		return "SELECT " + columns + ", " + geometryExpression + " AS geom FROM " + from + " WHERE " + filter
				+ " ORDER BY " + order + " FETCH FIRST :cap ROWS ONLY";
	}

	/** Bind parameters of the tile rectangle, in lon/lat and in Web Mercator metres. */
	public static final class Envelopes {

		static final String LON_LAT = "ST_MakeEnvelope(:lon0, :lat0, :lon1, :lat1, 4326)";

		public static final String MERCATOR = "ST_MakeEnvelope(:mx0, :my0, :mx1, :my1, 3857)";

		private Envelopes() {
		}

		public static MapSqlParameterSource params(int z, int x, int y, LayerConfig config, int cap) {
			Envelope tile = TileMath.bounds(z, x, y);
			Envelope lonLat = TileMath.toLonLat(TileMath.buffered(z, x, y, config.extent(), config.buffer()));
			return new MapSqlParameterSource().addValue("lon0", lonLat.getMinX())
				.addValue("lat0", lonLat.getMinY())
				.addValue("lon1", lonLat.getMaxX())
				.addValue("lat1", lonLat.getMaxY())
				.addValue("mx0", tile.getMinX())
				.addValue("my0", tile.getMinY())
				.addValue("mx1", tile.getMaxX())
				.addValue("my1", tile.getMaxY())
				.addValue("tolerance", TileMath.tolerance(z, config.extent()))
				.addValue("cap", cap);
		}

	}

}
