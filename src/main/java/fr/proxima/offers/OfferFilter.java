package fr.proxima.offers;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import fr.proxima.shared.ApiSettings;
import fr.proxima.shared.BoundingBox;
import fr.proxima.shared.Geo;
import fr.proxima.shared.InvalidInputException;
import org.locationtech.jts.geom.Point;

/**
 * The checked filters of an offer search; every field is optional (null or empty: no
 * filter). {@code text} is already folded to lower case without accents; {@code near}
 * comes with its {@code radiusMetres}.
 */
record OfferFilter(BoundingBox bbox, Set<Family> families, Audience audience, String commune, String text, Point near,
		Double radiusMetres, Long organisationId) {

	private static final Pattern COMMUNE_CODE = Pattern.compile("[0-9][0-9AB][0-9]{3}");

	private static final int MAX_TEXT_LENGTH = 100;

	static OfferFilter ofOrganisation(long organisationId) {
		return new OfferFilter(null, Set.of(), null, null, null, null, null, organisationId);
	}

	/**
	 * Parses the raw query parameters; any bad value is an {@link InvalidInputException}
	 * naming it.
	 */
	static OfferFilter parse(String bbox, List<String> families, String audience, String commune, String q, String near,
			Double radius, Long organisation, ApiSettings settings) {
		Set<Family> familySet = Family.fromCodes(families);
		if (commune != null && !COMMUNE_CODE.matcher(commune).matches()) {
			throw new InvalidInputException("Invalid commune '" + commune + "': expected a 5-character INSEE code");
		}
		if (near == null && radius != null) {
			throw new InvalidInputException("radius needs near=lon,lat");
		}
		Point point = near == null ? null : Geo.parsePoint("near", near);
		Double radiusMetres = point == null ? null : radius == null ? settings.defaultRadiusMetres() : radius;
		if (radiusMetres != null && !(radiusMetres > 0 && radiusMetres <= settings.maxRadiusMetres())) {
			throw new InvalidInputException("radius " + radiusMetres + " is out of range: it must be more than 0 and"
					+ " at most " + settings.maxRadiusMetres() + " metres");
		}
		return new OfferFilter(bbox == null ? null : BoundingBox.parse(bbox, settings.maxBboxSpanDegrees()), familySet,
				audience == null ? null : Audience.fromCode(audience), commune, fold(q), point, radiusMetres,
				organisation);
	}

	/**
	 * Lower case without diacritics, the form the SQL side compares names in; blank means
	 * no text filter.
	 */
	static String fold(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.length() > MAX_TEXT_LENGTH) {
			throw new InvalidInputException("q is too long: at most " + MAX_TEXT_LENGTH + " characters");
		}
		return Normalizer.normalize(text.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

}
