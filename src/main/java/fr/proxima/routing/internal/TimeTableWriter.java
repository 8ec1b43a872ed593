package fr.proxima.routing.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replaces a part of {@code offer_commune_time} (a {@link Scope}: every row, or the rows
 * of some offers and of some communes) by new rows, inside the caller's transaction, so
 * that a failure leaves the previous table whole.
 * <ul>
 * <li>On PostgreSQL: the scope's rows are deleted and the new rows streamed with
 * {@code COPY … FROM STDIN} (PgJDBC's {@code CopyManager} on the pooled connection
 * unwrapped), the fastest bulk load PostgreSQL has.</li>
 * <li>On H2: only what differs is written, in JDBC batches (issue 10): deleting and
 * re-inserting the whole table at every refresh made H2's file grow by the table's size
 * each time (17 MB after an import, 1.39 GB after three refreshes). The existing rows are
 * read one offer at a time, so memory stays that of the new rows.</li>
 * </ul>
 */
public final class TimeTableWriter {

	private static final String COLUMNS = "offer_id, commune_code, seconds_out, seconds_in, metres, method";

	/** Rows inserted, updated and deleted (on PostgreSQL: deleted then copied). */
	public record Changes(int inserted, int updated, int deleted) {
	}

	/**
	 * What a write replaces: every row ({@code all}), or every row of these offers and
	 * every row of these communes; the new rows must lie inside it.
	 */
	public record Scope(boolean all, Set<Long> offers, Set<String> communes) {

		public static Scope everything() {
			return new Scope(true, Set.of(), Set.of());
		}

		public static Scope of(Collection<Long> offers, Collection<String> communes) {
			return new Scope(false, Set.copyOf(offers), Set.copyOf(communes));
		}

		boolean contains(TimeRow row) {
			return all || offers.contains(row.offerId()) || communes.contains(row.communeCode());
		}

	}

	private TimeTableWriter() {
	}

	public static Changes replace(JdbcTemplate jdbc, Scope scope, List<TimeRow> rows) {
		for (TimeRow row : rows) {
			if (!scope.contains(row)) {
				throw new IllegalArgumentException("Row outside the replaced scope: " + row);
			}
		}
		boolean postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) TimeTableWriter::isPostgres));
		return postgres ? deleteAndCopy(jdbc, scope, rows) : writeDifferences(jdbc, scope, rows);
	}

	private static boolean isPostgres(Connection connection) throws SQLException {
		return connection.isWrapperFor(PGConnection.class);
	}

	private static Changes deleteAndCopy(JdbcTemplate jdbc, Scope scope, List<TimeRow> rows) {
		int deleted;
		if (scope.all()) {
			deleted = jdbc.update("DELETE FROM offer_commune_time");
		}
		else {
			deleted = SqlChunks.updateIn(jdbc, "DELETE FROM offer_commune_time WHERE offer_id IN", scope.offers())
					+ SqlChunks.updateIn(jdbc, "DELETE FROM offer_commune_time WHERE commune_code IN",
							scope.communes());
		}
		long copied = rows.isEmpty() ? 0 : jdbc.execute((ConnectionCallback<Long>) con -> copy(con, rows));
		return new Changes((int) copied, 0, deleted);
	}

	/** Streams the rows in COPY's text format, about 1 MB at a time. */
	private static long copy(Connection connection, List<TimeRow> rows) throws SQLException {
		CopyIn in = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("COPY offer_commune_time (" + COLUMNS + ") FROM STDIN");
		try {
			StringBuilder text = new StringBuilder(1 << 20);
			for (TimeRow r : rows) {
				text.append(r.offerId()).append('\t').append(r.communeCode()).append('\t');
				text.append(r.secondsOut() == null ? "\\N" : r.secondsOut().toString()).append('\t');
				text.append(r.secondsIn() == null ? "\\N" : r.secondsIn().toString()).append('\t');
				text.append(r.metres()).append('\t').append(r.method()).append('\n');
				if (text.length() > (1 << 20) - 200) {
					flush(in, text);
				}
			}
			flush(in, text);
			return in.endCopy();
		}
		finally {
			if (in.isActive()) {
				in.cancelCopy();
			}
		}
	}

	private static void flush(CopyIn in, StringBuilder text) throws SQLException {
		byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
		in.writeToCopy(bytes, 0, bytes.length);
		text.setLength(0);
	}

	private record Key(long offer, String commune) {
	}

	private static Changes writeDifferences(JdbcTemplate jdbc, Scope scope, List<TimeRow> rows) {
		Map<Long, List<TimeRow>> byOffer = new LinkedHashMap<>();
		for (TimeRow row : rows) {
			byOffer.computeIfAbsent(row.offerId(), k -> new ArrayList<>()).add(row);
		}
		Set<Long> offers = new HashSet<>(scope.offers());
		if (scope.all()) {
			offers.addAll(jdbc.queryForList("SELECT DISTINCT offer_id FROM offer_commune_time", Long.class));
			offers.addAll(byOffer.keySet());
		}
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> deletes = new ArrayList<>();
		Map<Key, TimeRow> byCommune = new HashMap<>();
		SqlChunks.forEachIn(scope.communes(), (in, keys) -> read(jdbc, "commune_code IN " + in, keys, byCommune));
		for (Long offer : offers) {
			Map<Key, TimeRow> existing = new HashMap<>();
			read(jdbc, "offer_id = ?", new Object[] { offer }, existing);
			existing.keySet().forEach(byCommune::remove);
			compare(existing, byOffer.getOrDefault(offer, List.of()), inserts, updates, deletes);
		}
		List<TimeRow> communeRows = rows.stream().filter(r -> !offers.contains(r.offerId())).toList();
		compare(byCommune, communeRows, inserts, updates, deletes);
		SqlChunks.batch(jdbc, "DELETE FROM offer_commune_time WHERE offer_id = ? AND commune_code = ?", deletes);
		SqlChunks.batch(jdbc, "UPDATE offer_commune_time SET seconds_out = ?, seconds_in = ?, metres = ?, method = ?"
				+ " WHERE offer_id = ? AND commune_code = ?", updates);
		SqlChunks.batch(jdbc, "INSERT INTO offer_commune_time (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", inserts);
		return new Changes(inserts.size(), updates.size(), deletes.size());
	}

	private static void read(JdbcTemplate jdbc, String where, Object[] args, Map<Key, TimeRow> into) {
		jdbc.query("SELECT " + COLUMNS + " FROM offer_commune_time WHERE " + where, rs -> {
			TimeRow row = new TimeRow(rs.getLong(1), rs.getString(2), rs.getObject(3, Float.class),
					rs.getObject(4, Float.class), rs.getFloat(5), rs.getString(6));
			into.put(new Key(row.offerId(), row.communeCode()), row);
		}, args);
	}

	/** Adds to the three lists what turns the existing rows into the new ones. */
	private static void compare(Map<Key, TimeRow> existing, List<TimeRow> rows, List<Object[]> inserts,
			List<Object[]> updates, List<Object[]> deletes) {
		Map<Key, TimeRow> left = new HashMap<>(existing);
		for (TimeRow row : rows) {
			TimeRow old = left.remove(new Key(row.offerId(), row.communeCode()));
			if (old == null) {
				inserts.add(new Object[] { row.offerId(), row.communeCode(), row.secondsOut(), row.secondsIn(),
						row.metres(), row.method() });
			}
			else if (!Objects.equals(old, row)) {
				updates.add(new Object[] { row.secondsOut(), row.secondsIn(), row.metres(), row.method(), row.offerId(),
						row.communeCode() });
			}
		}
		left.keySet().forEach(k -> deletes.add(new Object[] { k.offer(), k.commune() }));
	}

}
