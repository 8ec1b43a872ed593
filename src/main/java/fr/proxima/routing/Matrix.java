package fr.proxima.routing;

import java.util.List;

/**
 * A sources × targets travel-time matrix; {@code legs[i][j]} goes from source i to target
 * j (or back, inbound).
 */
public record Matrix(List<Snapping> sources, List<Snapping> targets, Leg[][] legs) {

	/** NETWORK only when every cell is a network time. */
	public TravelMethod method() {
		for (Leg[] row : legs) {
			for (Leg leg : row) {
				if (leg.method() == TravelMethod.ESTIMATE) {
					return TravelMethod.ESTIMATE;
				}
			}
		}
		return TravelMethod.NETWORK;
	}

}
