package fr.proxima.routing.internal;

/**
 * One offer × commune pair of {@code offer_times}
 * ({@link fr.proxima.routing.PackedTimes}): a time is null when that direction is not
 * reached within the cutoff.
 */
public record TimeRow(long offerId, String communeCode, Float secondsOut, Float secondsIn, float metres,
		String method) {

}
