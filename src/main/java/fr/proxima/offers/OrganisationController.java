package fr.proxima.offers;

import fr.proxima.shared.ApiSettings;
import fr.proxima.shared.Paging;
import fr.proxima.shared.ResultPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Organisations", description = "legal entities (FINESS EJ) running offers")
class OrganisationController {

	private final OrganisationDirectory organisations;

	private final ApiSettings settings;

	OrganisationController(OrganisationDirectory organisations, ApiSettings settings) {
		this.organisations = organisations;
		this.settings = settings;
	}

	@GetMapping(path = "/api/organisations", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "listOrganisations", summary = "List organisations by name (JSON page)")
	ResultPage<OrganisationSummary> list(
			@Parameter(description = "page size (default 50, at most 500)") @RequestParam(
					required = false) Integer limit,
			@Parameter(description = "results to skip") @RequestParam(required = false) Integer offset) {
		return organisations.list(Paging.of(limit, offset, settings)).linked();
	}

	@GetMapping(path = "/api/organisations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "getOrganisation", summary = "One organisation with its offers")
	OrganisationDetail byId(@PathVariable long id) {
		return organisations.byId(id);
	}

	@GetMapping(path = "/api/organisations/finess/{finessEj}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "getOrganisationByFiness",
			summary = "One organisation by its FINESS legal-entity (EJ) number, with its offers")
	OrganisationDetail byFiness(@PathVariable String finessEj) {
		return organisations.byFiness(finessEj);
	}

}
