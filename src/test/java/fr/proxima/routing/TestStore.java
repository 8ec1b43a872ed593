package fr.proxima.routing;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Invented offers, communes and a département inside Andorra, written with plain SQL (V1
 * columns only).
 */
public final class TestStore {

	private TestStore() {
	}

	public static void departement(JdbcTemplate jdbc, String code, String wkt) {
		jdbc.update("INSERT INTO departement (code, name, geom) VALUES (?, ?, ST_GeomFromText(?, 4326))", code,
				"Test " + code, wkt);
	}

	public static void commune(JdbcTemplate jdbc, String code, String departement, double lon, double lat) {
		double d = 0.01;
		String square = "MULTIPOLYGON(((" + (lon - d) + " " + (lat - d) + ", " + (lon + d) + " " + (lat - d) + ", "
				+ (lon + d) + " " + (lat + d) + ", " + (lon - d) + " " + (lat + d) + ", " + (lon - d) + " " + (lat - d)
				+ ")))";
		jdbc.update(
				"INSERT INTO commune (code, name, departement_code, cog_year, geom, display_geom, rep_point)"
						+ " VALUES (?, ?, ?, 2026, ST_GeomFromText(?, 4326), ST_GeomFromText(?, 4326),"
						+ " ST_GeomFromText(?, 4326))",
				code, "Commune " + code, departement, square, square, "POINT(" + lon + " " + lat + ")");
	}

	public static long offer(JdbcTemplate jdbc, String name, String family, String audience, double lon, double lat) {
		jdbc.update(
				"INSERT INTO offer (name, family, audience, geom, source_name, imported_at)"
						+ " VALUES (?, ?, ?, ST_GeomFromText(?, 4326), 'test', CURRENT_TIMESTAMP)",
				name, family, audience, "POINT(" + lon + " " + lat + ")");
		return jdbc.queryForObject("SELECT MAX(id) FROM offer", Long.class);
	}

	public static void clear(JdbcTemplate jdbc) {
		StoredTimes.clear(jdbc);
		jdbc.update("DELETE FROM travel_time_run");
		jdbc.update("DELETE FROM offer_time_source");
		jdbc.update("DELETE FROM commune_time_source");
		jdbc.update("DELETE FROM offer");
		jdbc.update("DELETE FROM commune");
		jdbc.update("DELETE FROM departement");
	}

}
