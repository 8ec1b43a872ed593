package fr.proxima.tours;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and defaults of the tours module ({@code proxima.tours.*}, see docs/tours.md).
 *
 * @param departements visits must lie inside these départements (comma-separated codes);
 * empty: no check
 * @param maxVisitsPerTour most visits in one tour (and in one reordering)
 * @param maxVisitsPerPlan most visits in one day plan of an organisation
 * @param maxCaregiversPerPlan most caregivers in one day plan
 * @param optimisationBudget wall-clock budget of one optimisation; a request may ask for
 * less, never more
 * @param maxIterations most search iterations of one optimisation
 * @param seed seed of the optimiser's random numbers (same input, same budget: same
 * answer when the iteration limit ends the search)
 * @param minCellVisits aggregates of fewer visits are suppressed (never below 5)
 * @param maxImportBytes largest CSV import
 */
@ConfigurationProperties("proxima.tours")
public record ToursSettings(@DefaultValue("48") String departements, @DefaultValue("150") int maxVisitsPerTour,
		@DefaultValue("190") int maxVisitsPerPlan, @DefaultValue("20") int maxCaregiversPerPlan,
		@DefaultValue("10s") Duration optimisationBudget, @DefaultValue("2000") int maxIterations,
		@DefaultValue("1") long seed, @DefaultValue("5") int minCellVisits,
		@DefaultValue("1000000") long maxImportBytes) {

	public ToursSettings {
		if (minCellVisits < 5) {
			throw new IllegalArgumentException(
					"proxima.tours.min-cell-visits must be at least 5, got " + minCellVisits);
		}
	}

	public List<String> departementCodes() {
		return Arrays.stream(departements.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

}
