package fr.proxima.routing;

/** An offer ranked by travel time from (or to) a point. */
public record NearbyOffer(long id, String name, String family, String audience, double lon, double lat, Leg leg,
		Snapping snapping) {

}
