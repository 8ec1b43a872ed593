package fr.proxima.routing.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;

import org.springframework.jdbc.core.JdbcTemplate;

/** Statements over many keys or rows, cut in pieces both databases accept. */
public final class SqlChunks {

	static final int IN_LIST = 500;

	static final int BATCH = 2000;

	private SqlChunks() {
	}

	/**
	 * Runs {@code sql + "(?, ?, …)"} once per piece of the keys (e.g.
	 * {@code DELETE FROM t WHERE id IN}); returns the rows changed.
	 */
	static int updateIn(JdbcTemplate jdbc, String sql, Collection<?> keys) {
		int[] changed = { 0 };
		forEachIn(keys, (in, args) -> changed[0] += jdbc.update(sql + " " + in, args));
		return changed[0];
	}

	/** Calls {@code each} with {@code "(?, ?, …)"} and its keys, one piece at a time. */
	public static void forEachIn(Collection<?> keys, BiConsumer<String, Object[]> each) {
		List<?> list = new ArrayList<>(keys);
		for (int from = 0; from < list.size(); from += IN_LIST) {
			List<?> chunk = list.subList(from, Math.min(list.size(), from + IN_LIST));
			each.accept("(" + placeholders(chunk.size()) + ")", chunk.toArray());
		}
	}

	static void batch(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += BATCH) {
			jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
		}
	}

	private static String placeholders(int n) {
		return String.join(",", Collections.nCopies(n, "?"));
	}

}
