package fr.proxima.routing;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a travel time was obtained. An estimate must never be presented as a network time.
 */
public enum TravelMethod {

	/** Shortest path on the loaded road graph. */
	NETWORK,
	/**
	 * Straight-line distance × detour factor at a speed chosen for the road context (see
	 * {@link EstimateSettings}).
	 */
	ESTIMATE;

	private final String code = name().toLowerCase(Locale.ROOT);

	@JsonValue
	public String code() {
		return code;
	}

}
