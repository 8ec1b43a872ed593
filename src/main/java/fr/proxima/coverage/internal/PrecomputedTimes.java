package fr.proxima.coverage.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import fr.proxima.routing.TravelMethod;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The precomputed offer × commune times of one travel-time run, held in memory: for each
 * offer, the communes it reaches with the time out (offer → commune) and in (commune →
 * offer), as compact arrays. Loaded once per run, with the rows of the run's cutoff only.
 */
final class PrecomputedTimes {

	static final PrecomputedTimes NONE = new PrecomputedTimes(null, null, Integer.MAX_VALUE, Map.of());

	/** The run these times belong to; null when no run has committed yet. */
	final Long runId;

	/** The territory whose commune indexes the rows use. */
	final Territory territory;

	/** The horizon of the run: asking beyond it needs times computed on the fly. */
	final int cutoffSeconds;

	private final Map<Long, Row> rows;

	private PrecomputedTimes(Long runId, Territory territory, int cutoffSeconds, Map<Long, Row> rows) {
		this.runId = runId;
		this.territory = territory;
		this.cutoffSeconds = cutoffSeconds;
		this.rows = rows;
	}

	/** The times of one offer: NaN where a direction was not reached. */
	record Row(int[] communes, float[] out, float[] in, boolean[] estimate) {
	}

	/** Rows fetched at a time: the table holds tens of millions of rows for France. */
	private static final int FETCH_SIZE = 10_000;

	static PrecomputedTimes load(JdbcTemplate jdbc, Territory territory, long runId, int cutoffSeconds) {
		Map<Long, Builder> builders = new HashMap<>();
		// issue 15: PostgreSQL's driver holds a whole result in memory unless it reads
		// through a cursor, which needs a fetch size outside autocommit: France's 29 M
		// rows would take about 5 GB of heap before the first one is read
		jdbc.execute((ConnectionCallback<Void>) c -> {
			boolean autoCommit = c.getAutoCommit();
			if (autoCommit) {
				c.setAutoCommit(false);
			}
			try (PreparedStatement ps = c.prepareStatement(
					"SELECT offer_id, commune_code, seconds_out, seconds_in, method FROM offer_commune_time"
							+ " WHERE seconds_out <= ? OR seconds_in <= ?")) {
				ps.setFetchSize(FETCH_SIZE);
				ps.setInt(1, cutoffSeconds);
				ps.setInt(2, cutoffSeconds);
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						int i = territory.indexOf(rs.getString(2));
						if (i >= 0) {
							builders.computeIfAbsent(rs.getLong(1), k -> new Builder())
								.add(i, (Number) rs.getObject(3), (Number) rs.getObject(4),
										TravelMethod.ESTIMATE.code().equals(rs.getString(5)));
						}
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
		Map<Long, Row> rows = new HashMap<>(builders.size() * 2);
		builders.forEach((id, b) -> rows.put(id, b.build()));
		return new PrecomputedTimes(runId, territory, cutoffSeconds, rows);
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

		void add(int commune, Number secondsOut, Number secondsIn, boolean isEstimate) {
			if (size == communes.length) {
				int n = size * 2;
				communes = Arrays.copyOf(communes, n);
				out = Arrays.copyOf(out, n);
				in = Arrays.copyOf(in, n);
				estimate = Arrays.copyOf(estimate, n);
			}
			communes[size] = commune;
			out[size] = secondsOut == null ? Float.NaN : secondsOut.floatValue();
			in[size] = secondsIn == null ? Float.NaN : secondsIn.floatValue();
			estimate[size] = isEstimate;
			size++;
		}

		Row build() {
			return new Row(Arrays.copyOf(communes, size), Arrays.copyOf(out, size), Arrays.copyOf(in, size),
					Arrays.copyOf(estimate, size));
		}

	}

}
