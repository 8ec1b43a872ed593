package fr.proxima.coverage;

import java.util.List;

/**
 * Body of POST/PUT /api/coverage/scenarios: hypothetical sites (lon/lat, family,
 * capacity) and offer ids to close.
 */
public record ScenarioRequest(String name, String description, List<Site> sites, List<Long> closures) {

	/** {@code capacity} in places; null when unknown (counted as 1 and flagged). */
	public record Site(String name, String family, Integer capacity, Double lon, Double lat) {
	}

}
