package fr.proxima.offers;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * One offer in full: its organisation, declared intervention zone and provenance. Opening
 * hours, description and free places (with the day places were given) come from the
 * organisation itself (issue 11); {@code provenance.verifiedAt} is the last day it
 * confirmed its offer.
 */
record OfferDetail(long id, String finessEt, String sourceRef, String name, String categoryCode, String categoryLabel,
		Family family, Audience audience, Integer capacity, String address, String postalCode, String city,
		String communeCode, String phone, String email, String website, String openingHours, String description,
		Integer freePlaces, LocalDate placesGivenAt, Point location, OrganisationSummary organisation, Zone zone,
		Provenance provenance) {

	/**
	 * The declared intervention zone: INSEE codes of communes and/or a polygon (both may
	 * be empty).
	 */
	record Zone(List<String> communes, Geometry geometry) {

	}

	record Provenance(String sourceName, LocalDate sourceDate, OffsetDateTime importedAt, OffsetDateTime verifiedAt) {

	}

}
