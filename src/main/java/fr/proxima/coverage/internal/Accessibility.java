package fr.proxima.coverage.internal;

/**
 * Enhanced two-step floating catchment area (E2SFCA, Luo & Qi 2009) on a
 * {@link TimeMatrix}:
 * <ol>
 * <li>for each offer j: R_j = S_j / Σ_k P_k·W(t_kj) (0 when no demand lies in
 * reach);</li>
 * <li>for each commune i: A_i = Σ_j R_j·W(t_ij).</li>
 * </ol>
 * W is a step function of travel-time bands: {@code weights[b]} for
 * {@code upperSeconds[b-1] < t ≤ upperSeconds[b]}, 0 beyond the last band. Demand that is
 * missing (NaN) takes no part in the sums; the caller reports it.
 */
public final class Accessibility {

	private Accessibility() {
	}

	/**
	 * R_j per row, Σ_k P_k·W(t_kj) per row, A_i per column, and whether any weighted
	 * entry of column i is a network time, an estimate.
	 */
	public record Result(double[] ratio, double[] weightedDemand, double[] index, boolean[] network,
			boolean[] estimated) {
	}

	public static Result compute(TimeMatrix m, double[] supply, double[] demand, double[] upperSeconds,
			double[] weights) {
		int rows = m.rows();
		double[] ratio = new double[rows];
		double[] weightedDemand = new double[rows];
		for (int j = 0; j < rows; j++) {
			double sum = 0;
			for (int e = m.start(j), end = m.end(j); e < end; e++) {
				double p = demand[m.column(e)];
				if (p > 0) {
					sum += p * weight(m.seconds(e), upperSeconds, weights);
				}
			}
			weightedDemand[j] = sum;
			ratio[j] = sum > 0 ? supply[j] / sum : 0;
		}
		double[] index = new double[m.columns()];
		boolean[] network = new boolean[m.columns()];
		boolean[] estimated = new boolean[m.columns()];
		for (int j = 0; j < rows; j++) {
			double r = ratio[j];
			for (int e = m.start(j), end = m.end(j); e < end; e++) {
				double w = weight(m.seconds(e), upperSeconds, weights);
				if (w > 0) {
					int i = m.column(e);
					index[i] += r * w;
					network[i] |= !m.estimate(e);
					estimated[i] |= m.estimate(e);
				}
			}
		}
		return new Result(ratio, weightedDemand, index, network, estimated);
	}

	public static double weight(double seconds, double[] upperSeconds, double[] weights) {
		for (int b = 0; b < upperSeconds.length; b++) {
			if (seconds <= upperSeconds[b]) {
				return weights[b];
			}
		}
		return 0;
	}

}
