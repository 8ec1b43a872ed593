package fr.proxima.coverage.internal;

import java.util.Arrays;

/**
 * For each column (commune), the quickest row (offer) of a {@link TimeMatrix}: its time,
 * row and method.
 */
public record Nearest(float[] seconds, int[] row, boolean[] estimate) {

	public static Nearest of(TimeMatrix m) {
		float[] best = new float[m.columns()];
		Arrays.fill(best, Float.POSITIVE_INFINITY);
		int[] row = new int[m.columns()];
		Arrays.fill(row, -1);
		boolean[] estimate = new boolean[m.columns()];
		for (int j = 0; j < m.rows(); j++) {
			for (int e = m.start(j), end = m.end(j); e < end; e++) {
				int i = m.column(e);
				if (m.seconds(e) < best[i]) {
					best[i] = m.seconds(e);
					row[i] = j;
					estimate[i] = m.estimate(e);
				}
			}
		}
		return new Nearest(best, row, estimate);
	}

	public boolean reached(int column) {
		return row[column] >= 0;
	}

	public boolean within(int column, double limitSeconds) {
		return seconds[column] <= limitSeconds;
	}

}
