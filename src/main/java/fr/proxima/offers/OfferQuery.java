package fr.proxima.offers;

import java.util.List;

import fr.proxima.shared.ApiSettings;
import fr.proxima.shared.Paging;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * The query parameters of {@code GET /api/offers} and {@code GET /api/offers.geojson},
 * bound by Spring MVC.
 */
record OfferQuery(
		@Parameter(
				description = "WGS84 rectangle minLon,minLat,maxLon,maxLat; each side at most"
						+ " proxima.api.max-bbox-span-degrees (2° by default)",
				example = "3.3,44.4,3.7,44.7") String bbox,
		@Parameter(description = "one or more families, comma-separated or repeated (e.g. ehpad,ssiad);"
				+ " an unknown family is a 400 that lists the known ones") List<String> family,
		@Parameter(
				description = "elderly, disabled or all; elderly and disabled also match offers for all") String audience,
		@Parameter(description = "INSEE code of a commune: offers located there or declaring it in their"
				+ " intervention zone", example = "48095") String commune,
		@Parameter(description = "text in the offer name, case- and accent-insensitive") String q,
		@Parameter(description = "lon,lat: only offers within 'radius' of this point, nearest first, each with"
				+ " distanceMetres", example = "3.4993,44.5181") String near,
		@Parameter(description = "radius in metres around 'near' (default 10000, at most"
				+ " proxima.api.max-radius-metres, 100000 by default)") Double radius,
		@Parameter(description = "id of the organisation running the offers") Long organisation,
		@Parameter(description = "page size (default 50, at most proxima.api.max-limit, 500 by default;"
				+ " more is a 400)") Integer limit,
		@Parameter(description = "number of results to skip (default 0)") Integer offset,
		@Parameter(description = "true to count every match (one more query); otherwise 'total' is given only"
				+ " when this page is the last one, and is null when more pages follow") Boolean total) {

	OfferFilter filter(ApiSettings settings) {
		return OfferFilter.parse(bbox, family, audience, commune, q, near, radius, organisation, settings);
	}

	boolean countTotal() {
		return Boolean.TRUE.equals(total);
	}

	Paging paging(ApiSettings settings) {
		return Paging.of(limit, offset, settings);
	}

}
