package fr.proxima.coverage;

import java.util.Arrays;
import java.util.stream.Collectors;

import fr.proxima.shared.InvalidInputException;

/** Who reads a scenario besides its author; only the author (or an admin) writes it. */
public enum ScenarioVisibility {

	/** its author only */
	PRIVATE,
	/** its author and the planners it is shared with */
	SHARED,
	/** every planner */
	PLANNERS;

	static ScenarioVisibility fromCode(String code) {
		for (ScenarioVisibility v : values()) {
			if (v.name().equalsIgnoreCase(code.trim())) {
				return v;
			}
		}
		throw new InvalidInputException("Unknown visibility '" + code + "'. Known: "
				+ Arrays.stream(values()).map(v -> v.name().toLowerCase()).collect(Collectors.joining(", ")));
	}

}
