package fr.proxima.importing;

import java.util.Arrays;
import java.util.stream.Collectors;

import fr.proxima.shared.InvalidInputException;
import org.springframework.http.HttpStatus;

/**
 * The file layouts Proxima imports, named by the code used on the command line and in
 * admin URLs.
 */
public enum ImportKind {

	/** Département polygons, GeoJSON with {@code code}/{@code nom}. */
	DEPARTEMENTS("departements"),
	/**
	 * Commune polygons, GeoJSON with {@code code}/{@code nom}, optionally with a COG
	 * crosswalk.
	 */
	COMMUNES("communes"),
	/** INSEE population, base-cc layout. */
	POPULATION("population"),
	/** FINESS establishments, Etalab extract layout. */
	FINESS("finess"),
	/** EHPAD installed capacities, enriching FINESS offers. */
	EHPAD_CAPACITY("ehpad-capacity"),
	/** Offers outside FINESS, in the plain Proxima CSV or GeoJSON layout. */
	OFFERS("offers");

	private final String code;

	ImportKind(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static ImportKind fromCode(String code) {
		for (ImportKind k : values()) {
			if (k.code.equalsIgnoreCase(code)) {
				return k;
			}
		}
		throw new InvalidInputException(HttpStatus.NOT_FOUND, "Unknown import kind '" + code + "'. Known kinds: "
				+ Arrays.stream(values()).map(ImportKind::code).collect(Collectors.joining(", ")));
	}

}
