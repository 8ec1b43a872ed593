package fr.proxima.coverage;

import java.net.URI;
import fr.proxima.shared.ApiSettings;
import fr.proxima.shared.Paging;
import fr.proxima.shared.ResultPage;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CRUD of what-if scenarios and their comparison with the baseline. */
@RestController
@RequestMapping("/api/coverage/scenarios")
class ScenarioController {

	private final ScenarioService scenarios;

	private final CoverageOutput output;

	private final CoverageSettings settings;

	private final ApiSettings api;

	ScenarioController(ScenarioService scenarios, CoverageOutput output, CoverageSettings settings, ApiSettings api) {
		this.api = api;
		this.scenarios = scenarios;
		this.output = output;
		this.settings = settings;
	}

	/** The scenarios the caller may read, by name (page: limit, offset). */
	@GetMapping
	ResultPage<ScenarioView> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Integer offset) {
		return scenarios.list(Paging.of(limit, offset, api)).linked();
	}

	@PostMapping
	ResponseEntity<ScenarioView> create(@RequestBody ScenarioRequest request) {
		ScenarioView created = scenarios.create(request);
		return ResponseEntity.created(URI.create("/api/coverage/scenarios/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	ScenarioView get(@PathVariable long id) {
		return scenarios.get(id);
	}

	@PutMapping("/{id}")
	ScenarioView update(@PathVariable long id, @RequestBody ScenarioRequest request) {
		return scenarios.update(id, request);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		scenarios.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/comparison")
	ResponseEntity<?> compare(@PathVariable long id, @ModelAttribute CoverageController.Params p) {
		ScenarioComparison c = scenarios.compare(id, p.query(settings));
		return output.respond(p.format(), c, ScenarioComparison.Row.class, c.communes(), "scenario-" + id);
	}

}
