package fr.proxima.coverage;

import java.util.Map;

import fr.proxima.offers.Family;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Coverage, accessibility, zones and site suggestions; see README "Coverage and accessibility". */
@RestController
@RequestMapping("/api/coverage")
class CoverageController {

	private final CoverageService coverage;

	private final CoverageOutput output;

	private final CoverageSettings settings;

	CoverageController(CoverageService coverage, CoverageOutput output, CoverageSettings settings) {
		this.coverage = coverage;
		this.output = output;
		this.settings = settings;
	}

	/** Query parameters shared by every coverage endpoint; absent ones take the configured defaults. */
	record Params(String families, Double minutes, String departements, String demand, String bands, String weights,
			String format) {

		CoverageQuery query(CoverageSettings settings) {
			CoverageOutput.checkFormat(format);
			return CoverageQuery.parse(families, minutes, departements, demand, bands, weights, settings);
		}

	}

	@GetMapping
	ResponseEntity<?> coverage(@ModelAttribute Params p) {
		CoverageReport r = coverage.coverage(p.query(settings));
		return output.respond(p.format(), r, r.communes(), "coverage", coverageMetadata(r));
	}

	@GetMapping("/uncovered")
	ResponseEntity<?> uncovered(@ModelAttribute Params p) {
		CoverageReport r = coverage.coverage(p.query(settings));
		return output.respond(p.format(), r.uncovered(), r.uncovered(), "uncovered", coverageMetadata(r));
	}

	private static Map<String, Object> coverageMetadata(CoverageReport r) {
		return Map.of("parameters", r.parameters(), "totals", r.totals(), "method", r.method(), "estimated",
				r.estimated(), "missingPopulation", r.missingPopulation());
	}

	@GetMapping("/accessibility")
	ResponseEntity<?> accessibility(@ModelAttribute Params p) {
		AccessibilityReport r = coverage.accessibility(p.query(settings));
		Map<String, Object> metadata = new java.util.LinkedHashMap<>();
		metadata.put("parameters", r.parameters());
		metadata.put("bands", r.bands());
		metadata.put("areaMean", r.areaMean());
		metadata.put("method", r.method());
		metadata.put("estimated", r.estimated());
		metadata.put("offersWithUnknownCapacity", r.offersWithUnknownCapacity());
		metadata.put("missingDemand", r.missingDemand());
		return output.respond(p.format(), r, r.communes(), "accessibility", metadata);
	}

	@GetMapping("/accessibility/offers")
	ResponseEntity<?> supply(@ModelAttribute Params p) {
		var rows = coverage.supplyTable(p.query(settings));
		return output.respond(p.format(), rows, rows, "accessibility-offers", Map.of());
	}

	@GetMapping("/accessibility/explain")
	ResponseEntity<?> explain(@ModelAttribute Params p, @RequestParam String commune) {
		Explanation x = coverage.explain(p.query(settings), commune);
		return output.respond(p.format(), x, x.contributions(), "explain-" + x.code(), Map.of());
	}

	@GetMapping("/zones")
	ResponseEntity<?> zones(@ModelAttribute Params p) {
		ZoneReport r = coverage.zones(p.query(settings));
		return output.respond(p.format(), r, r.rows(), "zones", Map.of());
	}

	@GetMapping("/suggestions")
	ResponseEntity<?> suggestions(@ModelAttribute Params p, @RequestParam String family,
			@RequestParam(defaultValue = "5") int k) {
		Family f = Family.fromCode(family);
		SuggestionReport r = coverage.suggestions(new Params(f.code(), p.minutes(), p.departements(), p.demand(),
				p.bands(), p.weights(), p.format()).query(settings), f, k);
		return output.respond(p.format(), r, r.steps(), "suggestions",
				Map.of("family", r.family(), "minutes", r.minutes(), "coveredBefore", r.coveredBefore(),
						"coveredAfter", r.coveredAfter(), "aged75Plus", r.aged75Plus(), "method", r.method()));
	}

}
