package fr.proxima.tiles.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a self-hosted basemap: an MBTiles file (SQLite, tiles stored in the TMS row
 * order, usually gzip-compressed) built by {@code gis/build-basemap.sh}. Opened read-only
 * for each request through the SQLite driver that the GeoPackage library brings.
 */
public class MbTiles {

	private final Path file;

	public MbTiles(Path file) {
		this.file = file.toAbsolutePath().normalize();
	}

	public boolean exists() {
		return Files.isRegularFile(file);
	}

	/**
	 * The tile's bytes as stored (see {@link #gzipped()}), or null where there is none.
	 */
	public byte[] tile(int z, int x, int y) {
		try (Connection c = open();
				PreparedStatement s = c.prepareStatement(
						"SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?")) {
			s.setInt(1, z);
			s.setInt(2, x);
			s.setInt(3, (1 << z) - 1 - y);
			try (ResultSet rs = s.executeQuery()) {
				return rs.next() ? rs.getBytes(1) : null;
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot read the basemap " + file + ": " + e.getMessage(), e);
		}
	}

	/** The {@code metadata} table (name, format, minzoom, maxzoom, json…). */
	public Map<String, String> metadata() {
		Map<String, String> m = new LinkedHashMap<>();
		try (Connection c = open();
				PreparedStatement s = c.prepareStatement("SELECT name, value FROM metadata");
				ResultSet rs = s.executeQuery()) {
			while (rs.next()) {
				m.put(rs.getString(1), rs.getString(2));
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot read the basemap " + file + ": " + e.getMessage(), e);
		}
		return m;
	}

	/**
	 * Whether stored tiles are gzip-compressed (they start with the gzip magic bytes).
	 */
	public static boolean gzipped(byte[] tile) {
		return tile.length > 2 && (tile[0] & 0xff) == 0x1f && (tile[1] & 0xff) == 0x8b;
	}

	private Connection open() throws SQLException {
		return DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
	}

}
