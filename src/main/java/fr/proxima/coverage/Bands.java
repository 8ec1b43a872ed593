package fr.proxima.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import fr.proxima.shared.InvalidInputException;
import fr.proxima.shared.Numbers;

/**
 * E2SFCA travel-time bands: band b covers (upper[b-1], upper[b]] minutes (the first
 * starts at 0) and weighs {@code weights[b]}; times beyond the last band weigh 0. Upper
 * bounds strictly increase; weights lie in (0, 1] and never increase.
 */
public record Bands(double[] upperMinutes, double[] weights) {

	/**
	 * Null or blank bands or weights take the configured defaults. Every problem found is
	 * reported at once, the order of each list before the comparison of their lengths.
	 */
	public static Bands parse(String bands, String weights, CoverageSettings settings) {
		boolean defaultBands = bands == null || bands.isBlank();
		boolean defaultWeights = weights == null || weights.isBlank();
		String b = defaultBands ? settings.defaultBands() : bands;
		String ws = defaultWeights ? settings.defaultWeights() : weights;
		double[] upper = numbers("bands", b);
		double[] w = numbers("weights", ws);
		List<String> problems = new ArrayList<>();
		if (upper.length > settings.maxBands()) {
			problems.add("at most " + settings.maxBands() + " bands");
		}
		for (int i = 0; i < upper.length; i++) {
			if (upper[i] <= (i == 0 ? 0 : upper[i - 1])) {
				problems.add("band upper bounds must be positive and strictly increasing (got " + b + ")");
				break;
			}
		}
		if (upper[upper.length - 1] > settings.maxMinutes()) {
			problems.add("the last band may not exceed " + settings.maxMinutes() + " minutes");
		}
		for (int i = 0; i < w.length; i++) {
			if (w[i] <= 0 || w[i] > 1 || (i > 0 && w[i] > w[i - 1])) {
				problems.add("weights must lie in (0, 1] and never increase (got " + ws + ")");
				break;
			}
		}
		if (upper.length != w.length) {
			problems.add("bands and weights must have as many values (" + upper.length + " bands, " + w.length
					+ " weights)" + (defaultWeights ? ": the default weights are " + ws + ", give weights too"
							: defaultBands ? ": the default bands are " + b + ", give bands too" : ""));
		}
		if (!problems.isEmpty()) {
			String all = String.join("; ", problems);
			throw new InvalidInputException(Character.toUpperCase(all.charAt(0)) + all.substring(1));
		}
		return new Bands(upper, w);
	}

	private static double[] numbers(String what, String csv) {
		if (csv == null || csv.isBlank()) {
			throw new InvalidInputException(what + " must not be empty");
		}
		try {
			return Arrays.stream(csv.split(",", -1)).map(String::trim).mapToDouble(Numbers::parse).toArray();
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException(what + " must be comma-separated numbers: '" + csv + "'");
		}
	}

	public double horizonMinutes() {
		return upperMinutes[upperMinutes.length - 1];
	}

	/**
	 * The weight of a time in seconds: that of its band, 0 beyond the last (the same as
	 * {@code Accessibility.weight} over {@link #upperSeconds()}, without making the
	 * array: it is asked once per pair).
	 */
	public double weight(double seconds) {
		for (int b = 0; b < upperMinutes.length; b++) {
			if (seconds <= upperMinutes[b] * 60) {
				return weights[b];
			}
		}
		return 0;
	}

	public double[] upperSeconds() {
		return Arrays.stream(upperMinutes).map(m -> m * 60).toArray();
	}

	/** Readable form for reports: "0–10 min × 1.0, …". */
	public List<String> describe() {
		String[] out = new String[upperMinutes.length];
		for (int b = 0; b < out.length; b++) {
			out[b] = fmt(b == 0 ? 0 : upperMinutes[b - 1]) + "–" + fmt(upperMinutes[b]) + " min × " + weights[b];
		}
		return List.of(out);
	}

	private static String fmt(double d) {
		return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
	}

}
