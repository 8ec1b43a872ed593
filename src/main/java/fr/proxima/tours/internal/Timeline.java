package fr.proxima.tours.internal;

import java.util.ArrayList;
import java.util.List;

import fr.proxima.routing.Leg;

/**
 * The schedule of one tour from its legs: the caregiver leaves at the departure time,
 * drives each leg, waits for a window to open, starts each visit within its window if it
 * can (late otherwise), stays its duration and drives on. All times in seconds after
 * midnight.
 */
public final class Timeline {

	private Timeline() {
	}

	/** A visit's window (the time its start must fall in) and its duration. */
	public record Stop(double windowStart, double windowEnd, double service) {
	}

	/**
	 * @param late seconds the start falls after the window's end (0 when in time)
	 */
	public record Timing(double arrival, double start, double end, double waiting, double late) {
	}

	/**
	 * @param returnAt arrival at the end point
	 * @param legs the legs used, first from the start point, last to the end point
	 */
	public record Schedule(List<Timing> visits, List<Leg> legs, double departure, double returnAt, double driveSeconds,
			double driveMetres, double waitSeconds, double lateSeconds, int lateVisits) {

		public boolean inTime() {
			return lateVisits == 0;
		}

		public double careSeconds() {
			return visits.stream().mapToDouble(t -> t.end() - t.start()).sum();
		}

	}

	/**
	 * @param legs {@code stops.size() + 1} legs: start → first, …, last → end; an
	 * unreachable leg counts as reachable in no time and must be rejected before
	 */
	public static Schedule run(double departure, List<Stop> stops, List<Leg> legs) {
		if (legs.size() != stops.size() + 1) {
			throw new IllegalArgumentException(stops.size() + " stops need " + (stops.size() + 1) + " legs");
		}
		List<Timing> timings = new ArrayList<>(stops.size());
		double clock = departure;
		double drive = 0;
		double metres = 0;
		double wait = 0;
		double late = 0;
		int lateVisits = 0;
		for (int i = 0; i < stops.size(); i++) {
			Leg leg = legs.get(i);
			drive += leg.seconds();
			metres += leg.metres();
			double arrival = clock + leg.seconds();
			Stop stop = stops.get(i);
			double start = Math.max(arrival, stop.windowStart());
			double lateHere = Math.max(0, start - stop.windowEnd());
			if (lateHere > 0.5) {
				lateVisits++;
				late += lateHere;
			}
			wait += start - arrival;
			double end = start + stop.service();
			timings.add(new Timing(arrival, start, end, start - arrival, lateHere));
			clock = end;
		}
		Leg back = legs.get(stops.size());
		drive += back.seconds();
		metres += back.metres();
		return new Schedule(timings, List.copyOf(legs), departure, clock + back.seconds(), drive, metres, wait, late,
				lateVisits);
	}

}
