package fr.proxima.coverage;

import fr.proxima.routing.TravelMethod;

/**
 * How the travel times behind a coverage answer (a report, a row) were obtained, by the
 * one rule every coverage output follows: {@code network} or {@code estimate} when every
 * time used is of that kind, {@code mixed} when both occur, and the travel-time engine's
 * own method when no time was used at all (nothing reached: that finding still rests on
 * the engine). {@code estimated} is true unless the method is {@code network}, so an
 * estimate is never shown as a network time.
 */
record Provenance(String method, boolean estimated) {

	static final String MIXED = "mixed";

	/** The kinds of the times an answer used; {@link #of} decides its provenance. */
	static final class Times {

		private boolean network;

		private boolean estimate;

		Times time(boolean isEstimate) {
			return kinds(!isEstimate, isEstimate);
		}

		Times kinds(boolean anyNetwork, boolean anyEstimate) {
			network |= anyNetwork;
			estimate |= anyEstimate;
			return this;
		}

		Times add(Times other) {
			return kinds(other.network, other.estimate);
		}

		Provenance of(TravelMethod engine) {
			String method = network && estimate ? MIXED
					: network ? TravelMethod.NETWORK.code() : estimate ? TravelMethod.ESTIMATE.code() : engine.code();
			return new Provenance(method, !TravelMethod.NETWORK.code().equals(method));
		}

	}

}
