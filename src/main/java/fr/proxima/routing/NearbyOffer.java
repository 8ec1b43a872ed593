package fr.proxima.routing;

/**
 * An offer ranked by travel time from (or to) a point. {@code declaredZone} tells whether
 * it declares an intervention zone; {@code servesCommune} whether that zone holds the
 * commune asked about (null when none was asked, or when it declares no zone).
 */
public record NearbyOffer(long id, String name, String family, String audience, double lon, double lat, Leg leg,
		Snapping snapping, String categoryLabel, String communeCode, String city, boolean declaredZone,
		Boolean servesCommune) {

}
