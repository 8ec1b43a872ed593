package fr.proxima.coverage;

import java.util.Arrays;
import java.util.List;

import fr.proxima.shared.InvalidInputException;

/**
 * E2SFCA travel-time bands: band b covers (upper[b-1], upper[b]] minutes (the first starts at 0) and weighs
 * {@code weights[b]}; times beyond the last band weigh 0. Upper bounds strictly increase; weights lie in (0, 1] and
 * never increase.
 */
public record Bands(double[] upperMinutes, double[] weights) {

	public static Bands parse(String bands, String weights, CoverageSettings settings) {
		double[] upper = numbers("bands", bands);
		double[] w = numbers("weights", weights);
		if (upper.length != w.length) {
			throw new InvalidInputException(
					"bands and weights must have as many values (" + upper.length + " bands, " + w.length + " weights)");
		}
		if (upper.length > settings.maxBands()) {
			throw new InvalidInputException("At most " + settings.maxBands() + " bands");
		}
		for (int b = 0; b < upper.length; b++) {
			if (upper[b] <= (b == 0 ? 0 : upper[b - 1])) {
				throw new InvalidInputException("Band upper bounds must be positive and strictly increasing: " + bands);
			}
			if (w[b] <= 0 || w[b] > 1 || (b > 0 && w[b] > w[b - 1])) {
				throw new InvalidInputException("Weights must lie in (0, 1] and never increase: " + weights);
			}
		}
		if (upper[upper.length - 1] > settings.maxMinutes()) {
			throw new InvalidInputException("The last band may not exceed " + settings.maxMinutes() + " minutes");
		}
		return new Bands(upper, w);
	}

	private static double[] numbers(String what, String csv) {
		if (csv == null || csv.isBlank()) {
			throw new InvalidInputException(what + " must not be empty");
		}
		try {
			double[] values = Arrays.stream(csv.split(",")).map(String::trim).mapToDouble(Double::parseDouble)
				.toArray();
			if (!Arrays.stream(values).allMatch(Double::isFinite)) {
				throw new NumberFormatException();
			}
			return values;
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException(what + " must be comma-separated numbers: '" + csv + "'");
		}
	}

	public double horizonMinutes() {
		return upperMinutes[upperMinutes.length - 1];
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
