package fr.proxima.offers;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;
import fr.proxima.shared.InvalidInputException;

/**
 * Proxima's grouping of offers; FINESS categories map onto it through
 * {@code gis/finess_categories.csv}.
 */
public enum Family {

	EHPAD, EHPA, RESIDENCE_AUTONOMIE, USLD, DAY_CARE, SSIAD, SAAD, SPASAD, HOSPITAL_AT_HOME, DISABILITY_HOUSING,
	DISABILITY_SERVICE, DISABILITY_WORK, HEALTH_CENTRE, HOSPITAL, MENTAL_HEALTH, PHARMACY, INFORMATION_POINT,
	HABITAT_INCLUSIF, ACCUEIL_FAMILIAL, TELEASSISTANCE, MEAL_DELIVERY, OTHER;

	/**
	 * Services that travel to the person: their reach counts from the offer outward,
	 * within a declared zone.
	 */
	public boolean isHomeCare() {
		return this == SSIAD || this == SAAD || this == SPASAD || this == HOSPITAL_AT_HOME || this == DISABILITY_SERVICE
				|| this == TELEASSISTANCE || this == MEAL_DELIVERY;
	}

	/** The lower-case name, made once: pages of offers read and write it per row. */
	private final String code = name().toLowerCase(Locale.ROOT);

	private static final Map<String, Family> BY_CODE = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(Family::code, v -> v));

	@JsonValue
	public String code() {
		return code;
	}

	/**
	 * The code, as users write it: messages and CSV cells show families the way requests
	 * name them.
	 */
	@Override
	public String toString() {
		return code();
	}

	public static Family fromCode(String code) {
		Family found = code == null ? null : BY_CODE.get(code.trim().toLowerCase(Locale.ROOT));
		if (found != null) {
			return found;
		}
		throw new InvalidInputException("Unknown family '" + code + "'. Known families: "
				+ Arrays.stream(values()).map(Family::code).collect(Collectors.joining(", ")));
	}

	/**
	 * The families named by request values, each one code or a comma-separated list of
	 * codes (a parameter given as {@code ehpad,ssiad} or repeated), in the order given.
	 * Blank entries are skipped; an unknown code is invalid input.
	 * @param values may be null (no family)
	 */
	public static Set<Family> fromCodes(Collection<String> values) {
		Set<Family> families = new LinkedHashSet<>();
		if (values != null) {
			values.stream()
				.filter(v -> v != null)
				.flatMap(v -> Arrays.stream(v.split(",")))
				.filter(code -> !code.isBlank())
				.map(Family::fromCode)
				.forEach(families::add);
		}
		return families;
	}

}
