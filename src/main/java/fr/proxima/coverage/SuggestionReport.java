package fr.proxima.coverage;

import java.util.List;

/**
 * Greedy maximal covering location: k sites among the reported communes' representative
 * points, each step adding the most newly covered 75+ population. Gains never increase;
 * fewer than k steps means nothing more could be covered. The offers of all the requested
 * families form one supply set. {@code method} sums up the times behind the coverage
 * before and the steps' gains (see {@link Provenance}).
 */
public record SuggestionReport(CoverageQuery parameters, int k, String method, boolean estimated, long aged75Plus,
		long coveredBefore, long coveredAfter, List<String> missingAged75Plus, List<Step> steps) {

	/**
	 * {@code method}: the provenance of the times from this site to the communes it newly
	 * covers.
	 */
	public record Step(int rank, String communeCode, String communeName, double lon, double lat, long gain,
			long cumulativeCovered, Double coveredPercent, List<String> newlyCovered,
			String method) implements CommuneRow {

		@Override
		public String code() {
			return communeCode;
		}

	}

}
