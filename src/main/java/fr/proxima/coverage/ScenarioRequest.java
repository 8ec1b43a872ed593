package fr.proxima.coverage;

import java.util.List;

/**
 * Body of POST/PUT /api/coverage/scenarios: hypothetical sites (lon/lat, family,
 * capacity), offer ids to close, and who reads it besides its author ({@code visibility}
 * private, shared or planners; {@code sharedWith}: e-mails of planners).
 */
public record ScenarioRequest(String name, String description, List<Site> sites, List<Long> closures, String visibility,
		List<String> sharedWith) {

	public ScenarioRequest(String name, String description, List<Site> sites, List<Long> closures) {
		this(name, description, sites, closures, null, null);
	}

	/** {@code capacity} in places; null when unknown (counted as 1 and flagged). */
	public record Site(String name, String family, Integer capacity, Double lon, Double lat) {
	}

}
