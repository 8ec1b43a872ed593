package fr.proxima.routing.internal;

/**
 * One row of {@code offer_commune_time}: a time is null when that direction is not
 * reached within the cutoff.
 */
public record TimeRow(long offerId, String communeCode, Float secondsOut, Float secondsIn, float metres,
		String method) {

}
