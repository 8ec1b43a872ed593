package fr.proxima.importing.internal;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.proxima.importing.ImportReport;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * JDBC helpers shared by the importers: they write with batched statements (far faster
 * than one JPA save per row) and pass geometries as WKB through
 * {@code ST_GeomFromWKB(?, 4326)}, which H2GIS and PostGIS both understand.
 */
public final class Db {

	/** SQL expression binding one geometry parameter given by {@link #wkb(Geometry)}. */
	public static final String GEOM = "ST_GeomFromWKB(?, 4326)";

	private static final int BATCH = 500;

	private Db() {
	}

	/**
	 * A geometry parameter for {@link #GEOM}, typed so that a null binds as a null binary
	 * on every driver.
	 */
	public static SqlParameterValue wkb(Geometry g) {
		return new SqlParameterValue(Types.VARBINARY, g == null ? null : new WKBWriter(2).write(g));
	}

	/**
	 * Key → id of the rows of a two-column query (key first); rows with a null key are
	 * left out.
	 */
	public static Map<String, Long> ids(JdbcTemplate jdbc, String sql) {
		Map<String, Long> ids = new HashMap<>();
		jdbc.query(sql, rs -> {
			String key = rs.getString(1);
			if (key != null) {
				ids.put(key, rs.getLong(2));
			}
		});
		return ids;
	}

	/**
	 * A row to write: its natural key and the statement parameters, the key being the
	 * last parameter.
	 */
	public record Keyed(String key, Object[] params) {
	}

	/**
	 * Inserts the rows whose key is not in {@code existing} and updates the others. Both
	 * statements take the same parameters, key last:
	 * {@code INSERT INTO t (c1, …, cn, key) VALUES (…)} and
	 * {@code UPDATE t SET c1 = ?, …, cn = ? WHERE key = ?}.
	 */
	public static void upsert(JdbcTemplate jdbc, Set<String> existing, List<Keyed> rows, String insertSql,
			String updateSql, ImportReport report) {
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		for (Keyed row : rows) {
			(existing.contains(row.key()) ? updates : inserts).add(row.params());
		}
		batch(jdbc, insertSql, inserts);
		batch(jdbc, updateSql, updates);
		report.inserted(inserts.size());
		report.updated(updates.size());
	}

	public static Set<String> keys(JdbcTemplate jdbc, String sql) {
		return new HashSet<>(jdbc.queryForList(sql, String.class));
	}

	/** Runs one statement for every row of parameters, in batches. */
	public static void batch(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += BATCH) {
			jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
		}
	}

}
