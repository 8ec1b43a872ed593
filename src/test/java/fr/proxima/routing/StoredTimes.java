package fr.proxima.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import fr.proxima.routing.internal.TimeRow;
import fr.proxima.routing.internal.TimeTableWriter;
import fr.proxima.routing.internal.TimeTableWriter.Scope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/** The stored travel times as pairs, for tests: {@code offer_times} unpacked. */
public final class StoredTimes {

	private StoredTimes() {
	}

	/** Every pair, by offer then commune. */
	public static List<TimeRow> rows(JdbcTemplate jdbc) {
		return rows(jdbc, "", new Object[0]);
	}

	/** The pairs of one offer, by commune. */
	public static List<TimeRow> rows(JdbcTemplate jdbc, long offer) {
		return rows(jdbc, " WHERE offer_id = ?", new Object[] { offer });
	}

	private static List<TimeRow> rows(JdbcTemplate jdbc, String where, Object[] args) {
		List<TimeRow> rows = new ArrayList<>();
		jdbc.query("SELECT offer_id, times FROM offer_times" + where + " ORDER BY offer_id",
				(RowCallbackHandler) rs -> rows.addAll(PackedTimes.rows(rs.getLong(1), rs.getBytes(2))), args);
		rows.sort(Comparator.comparing(TimeRow::offerId).thenComparing(TimeRow::communeCode));
		return rows;
	}

	/** Every pair as a map with the names of the pair's fields as SQL columns. */
	public static List<Map<String, Object>> maps(JdbcTemplate jdbc) {
		return rows(jdbc).stream().map(StoredTimes::map).toList();
	}

	private static Map<String, Object> map(TimeRow r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("offer_id", r.offerId());
		m.put("commune_code", r.communeCode());
		m.put("seconds_out", r.secondsOut());
		m.put("seconds_in", r.secondsIn());
		m.put("metres", r.metres());
		m.put("method", r.method());
		return m;
	}

	/** Replaces every pair of these rows' offers by these rows. */
	public static void write(JdbcTemplate jdbc, List<TimeRow> rows) {
		TimeTableWriter.replace(jdbc, Scope.of(rows.stream().map(TimeRow::offerId).toList(), Set.of()), rows);
	}

	/** Rewrites every stored pair of one offer. */
	public static void edit(JdbcTemplate jdbc, long offer, UnaryOperator<TimeRow> change) {
		write(jdbc, rows(jdbc, offer).stream().map(change).toList());
	}

	/** Sets one pair, keeping the offer's other pairs. */
	public static void put(JdbcTemplate jdbc, TimeRow row) {
		List<TimeRow> rows = new ArrayList<>(rows(jdbc, row.offerId()));
		rows.removeIf(r -> r.communeCode().equals(row.communeCode()));
		rows.add(row);
		write(jdbc, rows);
	}

	public static void clear(JdbcTemplate jdbc) {
		jdbc.update("DELETE FROM offer_times");
	}

}
