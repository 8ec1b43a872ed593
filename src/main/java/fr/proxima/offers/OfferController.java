package fr.proxima.offers;

import fr.proxima.shared.ApiSettings;
import fr.proxima.shared.FeatureCollection;
import fr.proxima.shared.ResultPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Offers", description = "services and housing for elderly and disabled people")
class OfferController {

	static final String GEOJSON = "application/geo+json";

	private final OfferSearch search;

	private final ApiSettings settings;

	OfferController(OfferSearch search, ApiSettings settings) {
		this.search = search;
		this.settings = settings;
	}

	@GetMapping(path = "/api/offers", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "searchOffers", summary = "Search offers (JSON page)",
			description = "Filters combine with AND. Sorted by name, or by distance when 'near' is given.")
	ResultPage<OfferSummary> list(@ParameterObject OfferQuery query) {
		return search.search(query.filter(settings), query.paging(settings), query.countTotal()).linked();
	}

	@GetMapping(path = "/api/offers.geojson", produces = { GEOJSON, MediaType.APPLICATION_JSON_VALUE })
	@Operation(operationId = "searchOffersGeoJson", summary = "Search offers (GeoJSON FeatureCollection)",
			description = "Same parameters and paging as /api/offers; the paging members are in 'metadata'.")
	FeatureCollection geojson(@ParameterObject OfferQuery query) {
		ResultPage<OfferSummary> page = list(query);
		return FeatureCollection.of(page.items().stream().map(OfferSummary::toFeature).toList(), page.metadata());
	}

	@GetMapping(path = "/api/offers/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "getOffer", summary = "One offer with its organisation, intervention zone and provenance")
	OfferDetail byId(@PathVariable long id) {
		return search.byId(id);
	}

	@GetMapping(path = "/api/offers/finess/{finessEt}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "getOfferByFiness", summary = "One offer by its FINESS establishment (ET) number")
	OfferDetail byFiness(@PathVariable String finessEt) {
		return search.byFiness(finessEt);
	}

}
