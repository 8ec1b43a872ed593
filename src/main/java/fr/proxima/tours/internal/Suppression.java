package fr.proxima.tours.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Small-count suppression of a per-commune table that also publishes its total: a row of
 * fewer than {@code k} visits is hidden whole (primary suppression), and more rows are
 * hidden (complementary suppression, smallest first) until the hidden rows are none or at
 * least two that together hold at least {@code k} visits, so that subtracting the
 * published rows from the total recovers neither one hidden row nor a small group. When
 * the whole table holds fewer than {@code k} visits, the total is hidden too.
 */
public final class Suppression {

	private Suppression() {
	}

	/** One row: a commune and its visit count (the other figures follow the row). */
	public record Row(String code, long visits) {
	}

	/**
	 * @return for each row (same order), whether it is suppressed
	 */
	public static boolean[] suppressed(List<Row> rows, int k) {
		boolean[] hidden = new boolean[rows.size()];
		long total = rows.stream().mapToLong(Row::visits).sum();
		if (total < k) {
			java.util.Arrays.fill(hidden, true);
			return hidden;
		}
		int count = 0;
		long hiddenVisits = 0;
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).visits() < k) {
				hidden[i] = true;
				count++;
				hiddenVisits += rows.get(i).visits();
			}
		}
		List<Integer> published = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			if (!hidden[i]) {
				published.add(i);
			}
		}
		published
			.sort(Comparator.<Integer>comparingLong(i -> rows.get(i).visits()).thenComparing(i -> rows.get(i).code()));
		int next = 0;
		while (count > 0 && (count < 2 || hiddenVisits < k) && next < published.size()) {
			int i = published.get(next++);
			hidden[i] = true;
			count++;
			hiddenVisits += rows.get(i).visits();
		}
		return hidden;
	}

	/** Whether the table's total is hidden (fewer than {@code k} visits in all). */
	public static boolean totalSuppressed(List<Row> rows, int k) {
		return rows.stream().mapToLong(Row::visits).sum() < k;
	}

}
