package fr.proxima.coverage.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy maximal covering location: at each step, choose the candidate row whose entries
 * cover the largest weight not yet covered. Gains never increase from one step to the
 * next (coverage is submodular); the result is within (1 − 1/e) of the optimum. Stops
 * early when no candidate adds anything.
 */
public final class GreedyCover {

	private GreedyCover() {
	}

	/**
	 * One chosen candidate, the weight it newly covers, and the columns it newly covers.
	 */
	public record Step(int candidate, double gain, int[] newlyCovered) {
	}

	public static List<Step> choose(TimeMatrix candidates, double[] weight, boolean[] initiallyCovered, int k) {
		boolean[] covered = initiallyCovered.clone();
		boolean[] used = new boolean[candidates.rows()];
		List<Step> steps = new ArrayList<>();
		while (steps.size() < k) {
			int best = -1;
			double bestGain = 0;
			for (int c = 0; c < candidates.rows(); c++) {
				if (used[c]) {
					continue;
				}
				double gain = 0;
				for (int e = candidates.start(c), end = candidates.end(c); e < end; e++) {
					int i = candidates.column(e);
					if (!covered[i]) {
						gain += weight[i];
					}
				}
				if (gain > bestGain) {
					best = c;
					bestGain = gain;
				}
			}
			if (best < 0) {
				break;
			}
			used[best] = true;
			List<Integer> newly = new ArrayList<>();
			for (int e = candidates.start(best), end = candidates.end(best); e < end; e++) {
				int i = candidates.column(e);
				if (!covered[i]) {
					covered[i] = true;
					newly.add(i);
				}
			}
			steps.add(new Step(best, bestGain, newly.stream().mapToInt(Integer::intValue).toArray()));
		}
		return steps;
	}

}
