package fr.proxima.coverage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Defaults and limits of the coverage module (see docs/coverage.md).
 *
 * @param defaultDepartements départements reported when a request names none
 * (comma-separated codes)
 * @param defaultMinutes threshold T when a request gives none
 * @param maxMinutes largest threshold or band a request may ask for
 * @param nearestHorizonMinutes how far the "time to the nearest offer" of an uncovered
 * commune is looked for
 * @param defaultBands upper bounds of the E2SFCA travel-time bands, in minutes
 * @param defaultWeights E2SFCA weight of each band
 * @param maxBands most bands a request may give
 * @param maxSuggestions largest k for site suggestions
 * @param maxScenarioSites most hypothetical sites (and closures) one scenario may hold
 * @param maxScenariosPerPlanner most scenarios one planner may own
 * @param maxScenarioShares most planners one scenario may be shared with
 */
@ConfigurationProperties("proxima.coverage")
public record CoverageSettings(@DefaultValue("48") String defaultDepartements,
		@DefaultValue("30") double defaultMinutes, @DefaultValue("120") double maxMinutes,
		@DefaultValue("60") double nearestHorizonMinutes, @DefaultValue("10,20,30") String defaultBands,
		@DefaultValue("1.0,0.68,0.22") String defaultWeights, @DefaultValue("10") int maxBands,
		@DefaultValue("50") int maxSuggestions, @DefaultValue("500") int maxScenarioSites,
		@DefaultValue("100") int maxScenariosPerPlanner, @DefaultValue("50") int maxScenarioShares) {
}
