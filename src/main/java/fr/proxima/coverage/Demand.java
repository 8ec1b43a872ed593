package fr.proxima.coverage;

import com.fasterxml.jackson.annotation.JsonValue;
import fr.proxima.shared.InvalidInputException;

/** The population band an accessibility index is computed for. */
public enum Demand {

	TOTAL("total"), AGED_75_PLUS("aged_75_plus"), AGED_85_PLUS("aged_85_plus");

	private final String code;

	Demand(String code) {
		this.code = code;
	}

	@JsonValue
	public String code() {
		return code;
	}

	public static Demand fromCode(String code) {
		String c = code == null ? "" : code.trim().toLowerCase();
		return switch (c) {
			case "total" -> TOTAL;
			case "aged_75_plus", "75+", "75" -> AGED_75_PLUS;
			case "aged_85_plus", "85+", "85" -> AGED_85_PLUS;
			default -> throw new InvalidInputException(
					"Unknown demand '" + code + "'. Known: total, aged_75_plus (75+), aged_85_plus (85+)");
		};
	}

}
