package fr.proxima.coverage;

import java.util.List;

/**
 * E2SFCA accessibility index per reported commune: places accessible per inhabitant of
 * the demand band.
 *
 * @param areaMean demand-weighted mean index of the reported communes, Σ P_i·A_i / Σ P_i
 * @param offerCount offers serving the reported communes (any of them within the last
 * band)
 * @param offersWithUnknownCapacity those whose capacity is unknown, counted as 1 place
 * (listed in {@code unknownCapacity})
 * @param missingDemand reported communes without a figure for the demand band: they take
 * no part in any R_j
 * @param missingDemandElsewhere how many other communes (neighbours) also lack it
 */
public record AccessibilityReport(CoverageQuery parameters, List<String> bands, Double areaMean, String method,
		boolean estimated, int offerCount, int offersWithUnknownCapacity, List<Supply> unknownCapacity,
		List<String> missingDemand, int missingDemandElsewhere, List<Row> communes) {

	/** {@code ratioToMean} is A_i divided by the area mean (null when the mean is 0). */
	public record Row(String code, String name, String departement, Integer demand, double index, Double ratioToMean,
			int offersInReach, String method) implements CommuneRow {
	}

	/**
	 * One offer's side of the computation: S_j, Σ_k P_k·W(t_kj) and R_j, with the
	 * {@link Provenance} of the times in its catchment. {@code id} is null for a
	 * hypothetical site.
	 */
	public record Supply(Long id, String name, String family, String departement, Integer capacity,
			boolean capacityUnknown, double supply, double weightedDemand, double ratio, String method) {
	}

}
