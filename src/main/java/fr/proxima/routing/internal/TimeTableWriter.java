package fr.proxima.routing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replaces the content of {@code offer_commune_time} by writing only what differs (issue
 * 10): deleting and re-inserting the whole table at every refresh made H2's file grow by
 * the table's size each time (17 MB after an import, 1.39 GB after three refreshes). Rows
 * are {@code offer_id, commune_code, seconds_out, seconds_in, metres, method}, grouped by
 * offer; the existing rows are read one offer at a time, so memory stays that of the new
 * rows. Runs inside the caller's transaction.
 */
public final class TimeTableWriter {

	/** Rows inserted, updated and deleted. */
	public record Changes(int inserted, int updated, int deleted) {
	}

	private TimeTableWriter() {
	}

	public static Changes replace(JdbcTemplate jdbc, List<Object[]> rows, int batch) {
		Map<Long, List<Object[]>> byOffer = new LinkedHashMap<>();
		for (Object[] row : rows) {
			byOffer.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(row);
		}
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> deletes = new ArrayList<>();
		Set<Long> stored = new HashSet<>(
				jdbc.queryForList("SELECT DISTINCT offer_id FROM offer_commune_time", Long.class));
		for (Long gone : stored) {
			if (!byOffer.containsKey(gone)) {
				jdbc.update("DELETE FROM offer_commune_time WHERE offer_id = ?", gone);
			}
		}
		int deletedOffers = (int) stored.stream().filter(o -> !byOffer.containsKey(o)).count();
		for (Map.Entry<Long, List<Object[]>> offer : byOffer.entrySet()) {
			Map<String, Object[]> existing = new HashMap<>();
			if (stored.contains(offer.getKey())) {
				jdbc.query("SELECT commune_code, seconds_out, seconds_in, metres, method FROM offer_commune_time"
						+ " WHERE offer_id = ?", rs -> {
							existing.put(rs.getString(1),
									new Object[] { offer.getKey(), rs.getString(1), rs.getObject(2, Float.class),
											rs.getObject(3, Float.class), rs.getObject(4, Float.class),
											rs.getString(5) });
						}, offer.getKey());
			}
			for (Object[] row : offer.getValue()) {
				Object[] old = existing.remove((String) row[1]);
				if (old == null) {
					inserts.add(row);
				}
				else if (!Arrays.equals(old, row)) {
					updates.add(new Object[] { row[2], row[3], row[4], row[5], row[0], row[1] });
				}
			}
			existing.keySet().forEach(commune -> deletes.add(new Object[] { offer.getKey(), commune }));
		}
		write(jdbc, "DELETE FROM offer_commune_time WHERE offer_id = ? AND commune_code = ?", deletes, batch);
		write(jdbc, "UPDATE offer_commune_time SET seconds_out = ?, seconds_in = ?, metres = ?, method = ?"
				+ " WHERE offer_id = ? AND commune_code = ?", updates, batch);
		write(jdbc, "INSERT INTO offer_commune_time (offer_id, commune_code, seconds_out, seconds_in, metres, method)"
				+ " VALUES (?, ?, ?, ?, ?, ?)", inserts, batch);
		return new Changes(inserts.size(), updates.size(), deletes.size() + deletedOffers);
	}

	private static void write(JdbcTemplate jdbc, String sql, List<Object[]> rows, int batch) {
		for (int from = 0; from < rows.size(); from += batch) {
			jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + batch)));
		}
	}

}
