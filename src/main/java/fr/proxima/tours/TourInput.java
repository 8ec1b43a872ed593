package fr.proxima.tours;

import java.time.LocalDate;
import java.util.List;

/**
 * A tour as a client sends it (JSON body of create and replace, one group of CSV lines).
 *
 * @param caregiver a pseudonym ("IDE-3", "aide 2"): never a real name, an e-mail or a
 * phone number
 * @param departure "HH:MM", default 08:00
 * @param start [lon, lat] of the departure point; default: the service's premises
 * @param end [lon, lat] of the return point; default: the start
 */
public record TourInput(LocalDate date, String caregiver, String departure, double[] start, double[] end,
		List<VisitInput> visits) {

	/**
	 * @param from earliest start of the visit, "HH:MM"
	 * @param to latest start of the visit, "HH:MM"
	 * @param durationMinutes time spent at the visit
	 * @param careType a {@link CareType} code
	 */
	public record VisitInput(Double lon, Double lat, String from, String to, Integer durationMinutes, String careType) {
	}

}
