package fr.proxima.routing;

/**
 * What one refresh of {@code offer_times} did (issue 15), for the logs, the tests and the
 * bench.
 *
 * @param full every offer was recomputed (no run yet, a new graph, new estimate settings
 * or cutoff, or {@link TravelTimePrecompute#refresh()})
 * @param offersComputed offers whose rows were recomputed against every commune
 * @param offersRemoved offers whose rows were removed (deleted, or without a location)
 * @param communesComputed new or moved communes whose column was recomputed
 * @param communesRemoved communes whose column was removed
 * @param sourcesTimed offers the travel-time engine was asked about (the recomputed ones,
 * and those within reach of a recomputed commune)
 * @param rowsWritten rows of the new table computed and stored
 * @param computeMillis time spent computing the rows
 * @param storeMillis time spent writing them, in one transaction
 */
public record TravelTimeRefresh(boolean full, int offersComputed, int offersRemoved, int communesComputed,
		int communesRemoved, int sourcesTimed, int rowsWritten, long computeMillis, long storeMillis) {

}
