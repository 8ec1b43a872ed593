package fr.proxima.tours;

import java.util.List;

import fr.proxima.routing.TravelMethod;

/**
 * What an optimisation changed: drive time and distance before and after (on the engine's
 * matrix for the search, then on the engine's routes for {@code tour}), the new order,
 * the visits that could not be placed and why, and the time the search took.
 *
 * @param order for a reordering: the stored positions in their new visiting order
 * @param kept true when the given order was already at least as good (it is returned as
 * is)
 * @param routes for a day plan: each caregiver's visits (as "tourId:position")
 * @param tour for a reordering: the tour in its new order, computed on the engine's
 * routes
 */
public record Optimisation(TravelMethod method, Figures before, Figures after, List<Integer> order, boolean kept,
		List<CaregiverRoute> routes, List<Unassigned> unassigned, long millis, int iterations, long budgetMillis,
		boolean applied, TourView tour) {

	/** Drive and lateness of one version of the day or tour. */
	public record Figures(double driveMinutes, double driveKm, int lateVisits, double workingMinutes) {
	}

	/** One caregiver's planned visits and figures. */
	public record CaregiverRoute(String caregiver, List<String> visits, Figures figures) {
	}

	/** A visit no caregiver could take, with the reason. */
	public record Unassigned(String visit, String reason) {
	}

}
