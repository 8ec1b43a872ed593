package fr.proxima.tours;

import java.time.LocalDate;
import java.util.List;

/**
 * A day to plan for an organisation: the visits of its tours of that date, shared among
 * caregivers leaving from one depot.
 *
 * @param caregivers default: the caregivers of that day's tours
 * @param departure "HH:MM" all leave the depot, default 08:00
 * @param maxWorkingMinutes longest day of one caregiver, from departure to return
 * @param depot [lon, lat], default: the service's premises
 * @param seconds search budget, at most {@code proxima.tours.optimisation-budget}
 * @param allowEstimate optimise even when some points are off the road network
 */
public record PlanRequest(LocalDate date, List<String> caregivers, String departure, Integer maxWorkingMinutes,
		double[] depot, Double seconds, Boolean allowEstimate) {
}
