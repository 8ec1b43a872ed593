package fr.proxima.routing;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether a point could be placed on the road network; anything but {@link #SNAPPED} is
 * answered by the estimate.
 */
public enum SnapStatus {

	/** Moved onto the nearest road within {@code proxima.routing.max-snap-metres}. */
	SNAPPED,
	/**
	 * The nearest road is farther than {@code proxima.routing.max-snap-metres} (or none
	 * was found nearby).
	 */
	TOO_FAR_FROM_ROAD,
	/** The point lies outside the bounding box of the loaded graph. */
	OUTSIDE_GRAPH,
	/** No road graph is loaded. */
	NO_GRAPH;

	@JsonValue
	public String code() {
		return name().toLowerCase();
	}

	public TravelMethod method() {
		return this == SNAPPED ? TravelMethod.NETWORK : TravelMethod.ESTIMATE;
	}

}
