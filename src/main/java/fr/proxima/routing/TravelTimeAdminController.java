package fr.proxima.routing;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administration of the precomputed offer × commune travel times. */
@RestController
@RequestMapping("/api/admin/travel-times")
class TravelTimeAdminController {

	private final TravelTimePrecompute precompute;

	TravelTimeAdminController(TravelTimePrecompute precompute) {
		this.precompute = precompute;
	}

	/** Recomputes every offer × commune time now and returns the run it recorded. */
	@PostMapping("/refresh")
	TravelTimeRun refresh() {
		return precompute.refresh();
	}

}
