package fr.proxima.coverage.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import fr.proxima.routing.PackedTimes;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The precomputed offer × commune times of one travel-time run, held in memory: for each
 * offer, the communes it reaches with the time out (offer → commune) and in (commune →
 * offer), as compact arrays. Loaded once per run, with the rows of the run's cutoff only;
 * after an incremental run, only what it changed is read ({@link #advance}).
 */
final class PrecomputedTimes {

	static final PrecomputedTimes NONE = new PrecomputedTimes(null, null, Integer.MAX_VALUE, Map.of());

	/** The run these times belong to; null when no run has committed yet. */
	final Long runId;

	/** The territory whose commune indexes the rows use. */
	final Territory territory;

	/** The horizon of the run: asking beyond it needs times computed on the fly. */
	final int cutoffSeconds;

	/** Beyond these many offers changed since the loaded run, it is loaded whole. */
	private static final int MAX_CHANGED_OFFERS = 2000;

	private final Map<Long, Row> rows;

	private PrecomputedTimes(Long runId, Territory territory, int cutoffSeconds, Map<Long, Row> rows) {
		this.runId = runId;
		this.territory = territory;
		this.cutoffSeconds = cutoffSeconds;
		this.rows = rows;
	}

	/** The times of one offer: NaN where a direction was not reached. */
	record Row(int[] communes, float[] out, float[] in, boolean[] estimate) {

		/**
		 * Whether the site reaches one of these columns within the horizon (within its
		 * declared zone when {@code limitToZones}), as {@link AccessData#matrix} reads
		 * the row.
		 */
		boolean reaches(Territory territory, Site site, boolean[] column, double horizonSeconds, boolean limitToZones) {
			float[] seconds = site.outward() ? out : in;
			boolean zoned = limitToZones && site.outward() && site.hasZone();
			for (int e = 0; e < seconds.length; e++) {
				int i = communes[e];
				if (column[i] && seconds[e] <= horizonSeconds
						&& (!zoned || site.limitedTo(territory.code(i), territory.point(i)))) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * Offers' rows fetched at a time: France holds 100,000 offers of up to 2,000 pairs.
	 */
	private static final int FETCH_SIZE = 500;

	static PrecomputedTimes load(JdbcTemplate jdbc, Territory territory, long runId, int cutoffSeconds) {
		Map<Long, Builder> builders = new HashMap<>();
		read(jdbc, territory, cutoffSeconds, "", new Object[0], builders);
		Map<Long, Row> rows = new HashMap<>(builders.size() * 2);
		builders.forEach((id, b) -> rows.put(id, b.build()));
		return new PrecomputedTimes(runId, territory, cutoffSeconds, rows);
	}

	/**
	 * Reads the offers' packed times ({@link PackedTimes}; this condition on
	 * {@code offer_id}) and keeps the pairs within the cutoff, through a cursor (issue
	 * 15): PostgreSQL's driver holds a whole result in memory unless it reads with a
	 * fetch size outside autocommit.
	 */
	private static void read(JdbcTemplate jdbc, Territory territory, int cutoffSeconds, String where, Object[] args,
			Map<Long, Builder> into) {
		jdbc.execute((ConnectionCallback<Void>) c -> {
			boolean autoCommit = c.getAutoCommit();
			if (autoCommit) {
				c.setAutoCommit(false);
			}
			try (PreparedStatement ps = c.prepareStatement("SELECT offer_id, times FROM offer_times" + where)) {
				ps.setFetchSize(FETCH_SIZE);
				for (int k = 0; k < args.length; k++) {
					ps.setObject(k + 1, args[k]);
				}
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						long offer = rs.getLong(1);
						PackedTimes.unpack(rs.getBytes(2), (code, out, in, metres, estimate) -> {
							int i = territory.indexOf(code);
							if (i >= 0 && (out <= cutoffSeconds || in <= cutoffSeconds)) {
								into.computeIfAbsent(offer, k -> new Builder()).add(i, out, in, estimate);
							}
						});
					}
				}
			}
			finally {
				if (autoCommit) {
					c.rollback();
					c.setAutoCommit(true);
				}
			}
			return null;
		});
	}

	/** The same rows read for another territory with the same columns. */
	PrecomputedTimes withTerritory(Territory other) {
		return new PrecomputedTimes(runId, other, cutoffSeconds, rows);
	}

	/**
	 * The times of a later run built from these (issue 15): when every run since this one
	 * changed the table incrementally and recomputed only offers, only those offers are
	 * read ({@code changed_run} of {@code offer_time_source}). Null when that cannot be
	 * done or would not pay, e.g. after a commune moved (its column is in every offer's
	 * packed row): the caller loads the whole run.
	 */
	PrecomputedTimes advance(JdbcTemplate jdbc, Territory territory, long newRun, int newCutoff) {
		if (runId == null || newCutoff != cutoffSeconds || !this.territory.sameColumns(territory)) {
			return null;
		}
		Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM travel_time_run WHERE id = ?", Integer.class, runId);
		Integer full = jdbc.queryForObject(
				"SELECT COUNT(*) FROM travel_time_run WHERE id > ? AND id <= ? AND based_on IS NULL", Integer.class,
				runId, newRun);
		if (known == null || known == 0 || full == null || full > 0) {
			return null;
		}
		List<Long> offers = jdbc.queryForList(
				"SELECT offer_id FROM offer_time_source WHERE changed_run > ? AND changed_run <= ?", Long.class, runId,
				newRun);
		Integer communes = jdbc.queryForObject(
				"SELECT COUNT(*) FROM commune_time_source WHERE changed_run > ? AND changed_run <= ?", Integer.class,
				runId, newRun);
		if (offers.size() > MAX_CHANGED_OFFERS || communes == null || communes > 0) {
			return null;
		}
		Map<Long, Builder> changed = new HashMap<>();
		inChunks(offers, (in, keys) -> read(jdbc, territory, newCutoff, " WHERE offer_id IN " + in, keys, changed));
		Map<Long, Row> next = new HashMap<>(rows);
		for (Long offer : offers) {
			Builder b = changed.get(offer);
			if (b == null) {
				next.remove(offer);
			}
			else {
				next.put(offer, b.build());
			}
		}
		return new PrecomputedTimes(newRun, territory, newCutoff, next);
	}

	private static void inChunks(List<?> keys, BiConsumer<String, Object[]> each) {
		for (int from = 0; from < keys.size(); from += 500) {
			List<?> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
			each.accept("(" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")", chunk.toArray());
		}
	}

	boolean isFor(long run, Territory communes) {
		return runId != null && runId == run && territory == communes;
	}

	/** The offer's times, or null when the run holds none for it. */
	Row row(long offerId) {
		return rows.get(offerId);
	}

	int offers() {
		return rows.size();
	}

	private static final class Builder {

		private int size;

		private int[] communes = new int[16];

		private float[] out = new float[16];

		private float[] in = new float[16];

		private boolean[] estimate = new boolean[16];

		void add(int commune, float secondsOut, float secondsIn, boolean isEstimate) {
			if (size == communes.length) {
				int n = size * 2;
				communes = Arrays.copyOf(communes, n);
				out = Arrays.copyOf(out, n);
				in = Arrays.copyOf(in, n);
				estimate = Arrays.copyOf(estimate, n);
			}
			communes[size] = commune;
			out[size] = secondsOut;
			in[size] = secondsIn;
			estimate[size] = isEstimate;
			size++;
		}

		/**
		 * The row in commune order, whatever order the store returned: sums over a row
		 * (E2SFCA) then add in the same order after a whole load and after an update.
		 */
		Row build() {
			long[] order = new long[size];
			for (int e = 0; e < size; e++) {
				order[e] = ((long) communes[e] << 32) | e;
			}
			Arrays.sort(order);
			Row row = new Row(new int[size], new float[size], new float[size], new boolean[size]);
			for (int k = 0; k < size; k++) {
				int e = (int) order[k];
				row.communes()[k] = communes[e];
				row.out()[k] = out[e];
				row.in()[k] = in[e];
				row.estimate()[k] = estimate[e];
			}
			return row;
		}

	}

}
