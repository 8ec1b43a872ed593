package fr.proxima.offers;

import com.fasterxml.jackson.annotation.JsonValue;
import fr.proxima.shared.InvalidInputException;

/** Who an offer is for. */
public enum Audience {

	ELDERLY, DISABLED, ALL;

	@JsonValue
	public String code() {
		return name().toLowerCase();
	}

	public static Audience fromCode(String code) {
		for (Audience a : values()) {
			if (a.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
				return a;
			}
		}
		throw new InvalidInputException("Unknown audience '" + code + "'. Known audiences: elderly, disabled, all");
	}

}
