package fr.proxima.routing;

import java.time.OffsetDateTime;

/** One fill of {@code offer_times} (a row of {@code travel_time_run}). */
public record TravelTimeRun(long id, String graphFingerprint, String offersFingerprint, int cutoffSeconds, int pairs,
		OffsetDateTime startedAt, OffsetDateTime finishedAt) {

}
