package fr.proxima.tours;

import java.time.LocalDate;
import java.util.List;

/**
 * A caregiver's tour as stored: one day, one pseudonymous caregiver, a departure time
 * (minutes after midnight), a start and an end point and the visits in their order.
 *
 * @param id null until stored
 */
public record Tour(Long id, long organisationId, LocalDate date, String caregiver, int startMinute, double startLon,
		double startLat, double endLon, double endLat, List<Visit> visits) {

	public Tour {
		visits = List.copyOf(visits);
	}

	public Tour withVisits(List<Visit> reordered) {
		return new Tour(id, organisationId, date, caregiver, startMinute, startLon, startLat, endLon, endLat,
				reordered);
	}

	public Tour withId(long newId) {
		return new Tour(newId, organisationId, date, caregiver, startMinute, startLon, startLat, endLon, endLat,
				visits);
	}

	/**
	 * One visit: where (a point geocoded by the caller), when it may start (minutes after
	 * midnight, inclusive), how long it lasts and a care-type code. No name, no health
	 * detail.
	 *
	 * @param communeCode the commune the point lies in (set by the service)
	 */
	public record Visit(double lon, double lat, String communeCode, int windowStart, int windowEnd, int durationMinutes,
			CareType careType) {

		public Visit withCommune(String code) {
			return new Visit(lon, lat, code, windowStart, windowEnd, durationMinutes, careType);
		}

	}

}
