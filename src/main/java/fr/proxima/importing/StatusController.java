package fr.proxima.importing;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StatusController {

	private final StoreStatus status;

	StatusController(StoreStatus status) {
		this.status = status;
	}

	@Operation(summary = "Row counts of the store (départements, communes, population, organisations, offers)")
	@GetMapping("/api/status")
	StoreStatus.Counts status() {
		return status.counts();
	}

}
