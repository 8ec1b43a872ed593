package fr.proxima.tours;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;
import fr.proxima.shared.InvalidInputException;

/**
 * What kind of care a visit is, as a closed list of codes: a free text field would invite
 * health details, which tours never hold.
 */
public enum CareType {

	/** soins infirmiers (SSIAD) */
	NURSING,
	/** aide à la toilette */
	HYGIENE,
	/** aide au repas */
	MEAL,
	/** entretien du logement */
	HOUSEWORK,
	/** courses, démarches */
	ERRANDS,
	/** accompagnement, présence */
	COMPANY,
	/** anything else */
	OTHER;

	@JsonValue
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static CareType fromCode(String code) {
		for (CareType t : values()) {
			if (t.code().equals(code == null ? "" : code.trim().toLowerCase(Locale.ROOT))) {
				return t;
			}
		}
		throw new InvalidInputException("Unknown care type '" + code + "'. Known codes: "
				+ Arrays.stream(values()).map(CareType::code).collect(Collectors.joining(", ")));
	}

}
