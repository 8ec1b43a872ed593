package fr.proxima.routing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.proxima.routing.PackedTimes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Replaces a part of the stored travel times (a {@link Scope}: every pair, or the pairs
 * of some offers and of some communes) by new pairs, inside the caller's transaction, so
 * that a failure leaves the previous times whole. The times are stored one row of
 * {@code offer_times} per offer ({@link PackedTimes}); only the offers whose packed value
 * changes are written, in JDBC batches, on both databases: an equal refresh writes
 * nothing, which also keeps H2's file from growing by the table's size at every refresh
 * (issue 10).
 */
public final class TimeTableWriter {

	/** Offers' rows inserted, updated and deleted. */
	public record Changes(int inserted, int updated, int deleted) {
	}

	/**
	 * What a write replaces: every pair ({@code all}), or every pair of these offers and
	 * every pair of these communes; the new pairs must lie inside it.
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
		Map<Long, List<TimeRow>> byOffer = new LinkedHashMap<>();
		for (TimeRow row : rows) {
			if (!scope.contains(row)) {
				throw new IllegalArgumentException("Row outside the replaced scope: " + row);
			}
			byOffer.computeIfAbsent(row.offerId(), k -> new ArrayList<>()).add(row);
		}
		Set<Long> offers = new LinkedHashSet<>(byOffer.keySet());
		offers.addAll(scope.offers());
		if (scope.all() || !scope.communes().isEmpty()) {
			offers.addAll(jdbc.queryForList("SELECT offer_id FROM offer_times", Long.class));
		}
		int[] changes = new int[3];
		SqlChunks.forEachIn(offers, (in, keys) -> {
			List<Object[]> inserts = new ArrayList<>();
			List<Object[]> updates = new ArrayList<>();
			List<Object[]> deletes = new ArrayList<>();
			Map<Long, byte[]> stored = new HashMap<>();
			jdbc.query("SELECT offer_id, times FROM offer_times WHERE offer_id IN " + in,
					(RowCallbackHandler) rs -> stored.put(rs.getLong(1), rs.getBytes(2)), keys);
			for (Object key : keys) {
				long offer = (Long) key;
				byte[] old = stored.get(offer);
				List<TimeRow> next = new ArrayList<>(byOffer.getOrDefault(offer, List.of()));
				if (old != null && !scope.all() && !scope.offers().contains(offer)) {
					PackedTimes.rows(offer, old).stream().filter(r -> !scope.contains(r)).forEach(next::add);
				}
				byte[] packed = PackedTimes.pack(next);
				if (next.isEmpty()) {
					if (old != null) {
						deletes.add(new Object[] { offer });
					}
				}
				else if (old == null) {
					inserts.add(new Object[] { offer, next.size(), packed });
				}
				else if (!Arrays.equals(old, packed)) {
					updates.add(new Object[] { next.size(), packed, offer });
				}
			}
			SqlChunks.batch(jdbc, "DELETE FROM offer_times WHERE offer_id = ?", deletes);
			SqlChunks.batch(jdbc, "UPDATE offer_times SET pairs = ?, times = ? WHERE offer_id = ?", updates);
			SqlChunks.batch(jdbc, "INSERT INTO offer_times (offer_id, pairs, times) VALUES (?, ?, ?)", inserts);
			changes[0] += inserts.size();
			changes[1] += updates.size();
			changes[2] += deletes.size();
		});
		return new Changes(changes[0], changes[1], changes[2]);
	}

}
