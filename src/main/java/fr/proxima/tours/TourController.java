package fr.proxima.tours;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import fr.proxima.shared.FeatureCollection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Caregiver tours (docs/tours.md). Everything but {@code /api/tours/aggregates} is for
 * the coordinators of the owning organisation only, checked in the services.
 */
@RestController
@Tag(name = "Tours", description = "Caregiver tours: coordinators only; aggregates for everyone")
class TourController {

	private final TourService tours;

	private final OptimisationService optimisation;

	private final AggregateService aggregates;

	TourController(TourService tours, OptimisationService optimisation, AggregateService aggregates) {
		this.tours = tours;
		this.optimisation = optimisation;
		this.aggregates = aggregates;
	}

	@Operation(summary = "Per-commune tour aggregates with small cells suppressed (public)")
	@GetMapping(path = "/api/tours/aggregates", produces = MediaType.APPLICATION_JSON_VALUE)
	CommuneAggregates aggregates(@RequestParam(required = false) String departement,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return aggregates.communes(departement, from, to);
	}

	@Operation(summary = "The organisation's tours (coordinators of the organisation)")
	@GetMapping(path = "/api/tours/organisations/{org}/tours", produces = MediaType.APPLICATION_JSON_VALUE)
	List<TourSummary> list(@PathVariable long org,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return tours.list(org, date);
	}

	@Operation(summary = "Create a tour; it is computed on the road network")
	@PostMapping(path = "/api/tours/organisations/{org}/tours", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	TourView create(@PathVariable long org, @RequestBody TourInput input) {
		return tours.create(org, input);
	}

	@Operation(summary = "Import tours from the CSV layout, all or nothing")
	@PostMapping(path = "/api/tours/organisations/{org}/tours/import", consumes = { "text/csv", "text/plain" },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> importCsv(@PathVariable long org, @RequestBody byte[] body) {
		List<TourSummary> created = tours.importCsv(org, new String(body, StandardCharsets.UTF_8));
		return Map.of("created", created);
	}

	@Operation(summary = "Export the organisation's tours in the CSV layout (coordinators)")
	@GetMapping(path = "/api/tours/organisations/{org}/tours.csv", produces = "text/csv")
	ResponseEntity<String> export(@PathVariable long org,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header("Cache-Control", "no-store")
			.body(tours.exportCsv(org, date));
	}

	@Operation(summary = "Plan a day: share the day's visits among caregivers from one depot")
	@PostMapping(path = "/api/tours/organisations/{org}/plan", produces = MediaType.APPLICATION_JSON_VALUE)
	Optimisation plan(@PathVariable long org, @RequestBody PlanRequest request) {
		return optimisation.plan(org, request);
	}

	@Operation(summary = "Audit log of the organisation's tour reads (coordinators, admins)")
	@GetMapping(path = "/api/tours/organisations/{org}/audit", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> audit(@PathVariable long org, @RequestParam(required = false) Long tour,
			@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") long offset) {
		return tours.audit(org, tour, limit, offset);
	}

	@Operation(summary = "A tour, computed: legs, schedule, lateness, totals")
	@GetMapping(path = "/api/tours/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	TourView detail(@PathVariable long id) {
		return tours.detail(id);
	}

	@Operation(summary = "A tour as a map layer (GeoJSON legs and visits)")
	@GetMapping(path = "/api/tours/{id}.geojson",
			produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	FeatureCollection layer(@PathVariable long id) {
		return tours.layer(id);
	}

	@Operation(summary = "Replace a tour")
	@PutMapping(path = "/api/tours/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	TourView replace(@PathVariable long id, @RequestBody TourInput input) {
		return tours.replace(id, input);
	}

	@Operation(summary = "Delete a tour and its visits")
	@DeleteMapping("/api/tours/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		tours.delete(id);
	}

	@Operation(summary = "Reorder the tour's visits to drive less within every window")
	@PostMapping(path = "/api/tours/{id}/optimisation", produces = MediaType.APPLICATION_JSON_VALUE)
	Optimisation reorder(@PathVariable long id, @RequestParam(required = false) Double seconds,
			@RequestParam(defaultValue = "false") boolean allowEstimate,
			@RequestParam(defaultValue = "false") boolean apply) {
		return optimisation.reorder(id, seconds, allowEstimate, apply);
	}

}
