package fr.proxima.coverage;

import java.util.List;

/**
 * Why a commune has its index: every offer within the last band, with its share of A_i.
 * {@code method} and {@code estimated} sum up the contributions' times (see
 * {@link Provenance}).
 */
public record Explanation(CoverageQuery parameters, String code, String name, Integer demand, double index,
		Double ratioToMean, String method, boolean estimated, List<Contribution> contributions) {

	/** R_j·W(t_ij) = {@code contribution}; {@code share} = contribution / A_i. */
	public record Contribution(Long offerId, String offerName, String family, double minutes, String method,
			double weight, Integer capacity, boolean capacityUnknown, double supply, double weightedDemand,
			double ratio, double contribution, Double share) {
	}

}
