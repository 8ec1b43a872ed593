package fr.proxima.coverage;

import java.util.List;

/**
 * A scenario against the baseline: coverage and E2SFCA index per reported commune, before
 * and after, and totals.
 */
public record ScenarioComparison(long scenarioId, String scenarioName, CoverageQuery parameters,
		CoverageReport.Totals before, CoverageReport.Totals after, Double meanIndexBefore, Double meanIndexAfter,
		String method, boolean estimated, int changedCommunes, List<Row> communes) {

	/** {@code method}: the provenance of every time behind the row, before and after. */
	public record Row(String code, String name, String departement, Double minutesBefore, Double minutesAfter,
			boolean coveredBefore, boolean coveredAfter, Integer aged75Plus, double indexBefore, double indexAfter,
			double indexDelta, boolean changed, String method) implements CommuneRow {
	}

}
