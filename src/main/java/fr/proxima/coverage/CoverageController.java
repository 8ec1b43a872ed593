package fr.proxima.coverage;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.proxima.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coverage, accessibility, zones and site suggestions; see docs/coverage.md.
 */
@RestController
@RequestMapping("/api/coverage")
class CoverageController {

	private final CoverageService coverage;

	private final ZoneService zones;

	private final SuggestionService suggestions;

	private final CoverageOutput output;

	private final CoverageSettings settings;

	CoverageController(CoverageService coverage, ZoneService zones, SuggestionService suggestions,
			CoverageOutput output, CoverageSettings settings) {
		this.coverage = coverage;
		this.zones = zones;
		this.suggestions = suggestions;
		this.output = output;
		this.settings = settings;
	}

	/**
	 * Query parameters shared by every coverage endpoint; absent ones take the configured
	 * defaults.
	 */
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
		return output.respond(p.format(), r, CoverageReport.Row.class, r.communes(), "coverage");
	}

	/** As JSON: the coverage report with only its uncovered communes. */
	@GetMapping("/uncovered")
	ResponseEntity<?> uncovered(@ModelAttribute Params p) {
		CoverageReport r = coverage.coverage(p.query(settings));
		Map<String, Object> metadata = CoverageOutput.metadata(r);
		Map<String, Object> json = new LinkedHashMap<>(metadata);
		json.put("uncovered", r.uncovered());
		return output.respond(p.format(), json, metadata, CoverageReport.Row.class, r.uncovered(), "uncovered");
	}

	@GetMapping("/accessibility")
	ResponseEntity<?> accessibility(@ModelAttribute Params p) {
		AccessibilityReport r = coverage.accessibility(p.query(settings));
		return output.respond(p.format(), r, AccessibilityReport.Row.class, r.communes(), "accessibility");
	}

	@GetMapping("/accessibility/offers")
	ResponseEntity<?> supply(@ModelAttribute Params p) {
		SupplyReport r = coverage.supplyTable(p.query(settings));
		return output.respond(p.format(), r, AccessibilityReport.Supply.class, r.offers(), "accessibility-offers");
	}

	@GetMapping("/accessibility/explain")
	ResponseEntity<?> explain(@ModelAttribute Params p, @RequestParam String commune) {
		Explanation x = coverage.explain(p.query(settings), commune);
		return output.respond(p.format(), x, Explanation.Contribution.class, x.contributions(), "explain-" + x.code());
	}

	@GetMapping("/zones")
	ResponseEntity<?> zones(@ModelAttribute Params p) {
		ZoneReport r = zones.zones(p.query(settings));
		return output.respond(p.format(), r, ZoneReport.Row.class, r.rows(), "zones");
	}

	/** {@code family} is an older name of {@code families}, still accepted. */
	@GetMapping("/suggestions")
	ResponseEntity<?> suggestions(@ModelAttribute Params p, @RequestParam(required = false) String family,
			@RequestParam(defaultValue = "5") int k) {
		if (family != null && p.families() != null) {
			throw new InvalidInputException("Give families only (family is its older name)");
		}
		Params withFamilies = family == null ? p
				: new Params(family, p.minutes(), p.departements(), p.demand(), p.bands(), p.weights(), p.format());
		SuggestionReport r = suggestions.suggestions(withFamilies.query(settings), k);
		return output.respond(p.format(), r, SuggestionReport.Step.class, r.steps(), "suggestions");
	}

}
