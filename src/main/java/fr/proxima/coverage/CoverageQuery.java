package fr.proxima.coverage;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import fr.proxima.offers.Family;
import fr.proxima.shared.InvalidInputException;

/**
 * What a coverage or accessibility request asks: offer families, threshold T in minutes,
 * the départements to report (the computation always runs on everything imported), the
 * demand band and the E2SFCA bands.
 */
public record CoverageQuery(Set<Family> families, double minutes, List<String> departements, Demand demand,
		Bands bands) {

	/**
	 * Parses and bounds request parameters; null or blank ones take the configured
	 * defaults.
	 */
	public static CoverageQuery parse(String families, Double minutes, String departements, String demand, String bands,
			String weights, CoverageSettings settings) {
		Set<Family> fs = Family.fromCodes(families == null ? List.of() : List.of(families));
		if (fs.isEmpty()) {
			throw new InvalidInputException("families is required, e.g. families=ssiad,spasad");
		}
		double t = minutes == null ? settings.defaultMinutes() : minutes;
		if (!(t > 0) || t > settings.maxMinutes()) {
			throw new InvalidInputException(
					"minutes must be greater than 0 and at most " + settings.maxMinutes() + " (got " + t + ")");
		}
		String deps = departements == null || departements.isBlank() ? settings.defaultDepartements() : departements;
		List<String> depList = Arrays.stream(deps.split(","))
			.map(String::trim)
			.filter(d -> !d.isEmpty())
			.distinct()
			.toList();
		return new CoverageQuery(fs, t, depList,
				demand == null || demand.isBlank() ? Demand.AGED_75_PLUS : Demand.fromCode(demand),
				Bands.parse(bands, weights, settings));
	}

	public double seconds() {
		return minutes * 60;
	}

	/** The same request for other families (zones keep the services at home). */
	public CoverageQuery withFamilies(Set<Family> other) {
		return new CoverageQuery(other, minutes, departements, demand, bands);
	}

}
