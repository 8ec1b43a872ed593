package fr.proxima.routing;

/**
 * Travel time and distance of one origin–destination pair; NaN seconds means unreachable
 * within the cutoff.
 */
public record Leg(double seconds, double metres, TravelMethod method) {

	public static Leg unreachable(TravelMethod method) {
		return new Leg(Double.NaN, Double.NaN, method);
	}

	public boolean reachable() {
		return !Double.isNaN(seconds);
	}

	public double minutes() {
		return seconds / 60.0;
	}

}
