package fr.proxima.offers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;
import fr.proxima.shared.InvalidInputException;

/** Who an offer is for. */
public enum Audience {

	ELDERLY, DISABLED, ALL;

	/** The lower-case name, made once: pages of offers read and write it per row. */
	private final String code = name().toLowerCase(Locale.ROOT);

	private static final Map<String, Audience> BY_CODE = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(Audience::code, v -> v));

	@JsonValue
	public String code() {
		return code;
	}

	public static Audience fromCode(String code) {
		Audience found = code == null ? null : BY_CODE.get(code.trim().toLowerCase(Locale.ROOT));
		if (found != null) {
			return found;
		}
		throw new InvalidInputException("Unknown audience '" + code + "'. Known audiences: elderly, disabled, all");
	}

}
