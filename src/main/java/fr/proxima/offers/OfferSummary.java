package fr.proxima.offers;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.proxima.shared.Feature;
import io.swagger.v3.oas.annotations.media.Schema;
import org.locationtech.jts.geom.Point;

/**
 * An offer in a result list. {@code distanceMetres} (straight line) is present only in a
 * near-point search.
 */
record OfferSummary(long id, String finessEt, String name, Family family, Audience audience, String categoryCode,
		String categoryLabel, Integer capacity, String address, String postalCode, String city, String communeCode,
		String phone, Long organisationId, Point location,
		@Schema(description = "straight-line distance from 'near', in metres; only in near-point searches") @JsonInclude(JsonInclude.Include.NON_NULL) Double distanceMetres) {

	/**
	 * This offer as a GeoJSON Feature: the location is the geometry, every other field a
	 * property.
	 */
	Feature toFeature() {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("finessEt", finessEt);
		p.put("name", name);
		p.put("family", family);
		p.put("audience", audience);
		p.put("categoryCode", categoryCode);
		p.put("categoryLabel", categoryLabel);
		p.put("capacity", capacity);
		p.put("address", address);
		p.put("postalCode", postalCode);
		p.put("city", city);
		p.put("communeCode", communeCode);
		p.put("phone", phone);
		p.put("organisationId", organisationId);
		if (distanceMetres != null) {
			p.put("distanceMetres", distanceMetres);
		}
		return Feature.of(id, location, p);
	}

}
