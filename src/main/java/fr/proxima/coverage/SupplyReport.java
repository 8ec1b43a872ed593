package fr.proxima.coverage;

import java.util.List;

/**
 * S_j, Σ P·W and R_j of every offer serving the reported communes, and how the times
 * behind them were obtained.
 */
public record SupplyReport(CoverageQuery parameters, List<String> bands, String method, boolean estimated,
		List<AccessibilityReport.Supply> offers) {
}
