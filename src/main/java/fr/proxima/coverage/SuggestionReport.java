package fr.proxima.coverage;

import java.util.List;

/**
 * Greedy maximal covering location: k sites among the reported communes' representative points, each step adding the
 * most newly covered 75+ population. Gains never increase; fewer than k steps means nothing more could be covered.
 */
public record SuggestionReport(String family, double minutes, List<String> departements, int k, String method,
		boolean estimated, long aged75Plus, long coveredBefore, long coveredAfter, List<String> missingAged75Plus,
		List<Step> steps) {

	public record Step(int rank, String communeCode, String communeName, double lon, double lat, long gain,
			long cumulativeCovered, Double coveredPercent, List<String> newlyCovered) implements CommuneRow {

		@Override
		public String code() {
			return communeCode;
		}

	}

}
