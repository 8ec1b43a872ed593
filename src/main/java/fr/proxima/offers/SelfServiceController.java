package fr.proxima.offers;

import java.net.URI;
import java.util.List;
import java.util.Map;

import fr.proxima.shared.ApiSettings;
import fr.proxima.shared.Paging;
import fr.proxima.shared.ResultPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The organisations' self-service (issue 11): contributors edit their own offers, confirm
 * them, create offers FINESS does not list, read the history and resolve conflicts.
 * Everything here needs a signed-in user; the service checks the organisation.
 */
@RestController
@RequestMapping("/api/manage")
@Tag(name = "Organisation self-service", description = "contributors keep their own offers current")
class SelfServiceController {

	record Resolution(String keep) {
	}

	private final OfferEditService edits;

	private final OrganisationSelfService organisations;

	private final OfferSearch search;

	private final ApiSettings settings;

	SelfServiceController(OfferEditService edits, OrganisationSelfService organisations, OfferSearch search,
			ApiSettings settings) {
		this.edits = edits;
		this.organisations = organisations;
		this.search = search;
		this.settings = settings;
	}

	@GetMapping("/organisations")
	@Operation(operationId = "myOrganisations", summary = "The organisations I belong to")
	List<OrganisationSummary> mine() {
		return organisations.mine();
	}

	@GetMapping("/organisations/{id}")
	@Operation(operationId = "organisationPage", summary = "An organisation's offers and open import conflicts")
	OrganisationSelfService.Page page(@PathVariable long id) {
		return organisations.page(id);
	}

	@GetMapping("/organisations/{id}/history")
	@Operation(operationId = "organisationHistory", summary = "Every edit of the organisation's offers, newest first")
	ResultPage<OfferEditService.Edit> history(@PathVariable long id, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Integer offset) {
		return edits.history(id, Paging.of(limit, offset, settings)).linked();
	}

	@PostMapping("/organisations/{id}/offers")
	@Operation(operationId = "createOffer", summary = "A new offer of the organisation (one FINESS does not list)")
	ResponseEntity<OfferDetail> create(@PathVariable long id, @RequestBody OrganisationSelfService.NewOffer body) {
		long offer = organisations.create(id, body);
		return ResponseEntity.created(URI.create("/api/offers/" + offer)).body(search.byId(offer));
	}

	@PatchMapping("/offers/{id}")
	@Operation(operationId = "editOffer", summary = "Change fields of an offer (phone, email, website, openingHours,"
			+ " places, freePlaces, placesGivenAt, description, zoneCommunes, zoneGeometry); null clears one")
	OfferDetail edit(@PathVariable long id, @RequestBody JsonNode body) {
		edits.edit(id, body);
		return search.byId(id);
	}

	@PostMapping("/offers/{id}/verification")
	@Operation(operationId = "confirmOffer", summary = "Still accurate: sets the offer's verified date to now")
	OfferDetail confirm(@PathVariable long id) {
		edits.confirm(id);
		return search.byId(id);
	}

	@PostMapping("/conflicts/{id}")
	@Operation(operationId = "resolveConflict",
			summary = "Close an import conflict, keeping the organisation's or the register's value")
	ResponseEntity<Map<String, String>> resolve(@PathVariable long id, @RequestBody Resolution body) {
		organisations.resolve(id, body.keep());
		return ResponseEntity.ok(Map.of("resolved", String.valueOf(id)));
	}

}
