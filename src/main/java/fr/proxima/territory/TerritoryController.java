package fr.proxima.territory;

import java.util.List;
import java.util.Map;

import fr.proxima.shared.FeatureCollection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Territory", description = "départements and communes with their census population")
class TerritoryController {

	private final CommuneDirectory communes;

	TerritoryController(CommuneDirectory communes) {
		this.communes = communes;
	}

	@GetMapping(path = "/api/departements", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "listDepartements", summary = "The loaded départements")
	List<DepartementView> departements() {
		return communes.departements();
	}

	@GetMapping(path = "/api/communes", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "listCommunes",
			summary = "Communes of a département with population and representative point, by INSEE code")
	List<CommuneView> list(
			@Parameter(description = "département code", example = "48") @RequestParam String departement) {
		return communes.communes(departement, false);
	}

	@GetMapping(path = "/api/communes.geojson", produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	@Operation(operationId = "listCommunesGeoJson",
			summary = "Communes of a département as GeoJSON, with the display-simplified polygons")
	FeatureCollection geojson(
			@Parameter(description = "département code", example = "48") @RequestParam String departement) {
		List<CommuneView> found = communes.communes(departement, true);
		return FeatureCollection.of(found.stream().map(CommuneView::toFeature).toList(), Map.of("total", found.size()));
	}

	@GetMapping(path = "/api/communes/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "getCommune", summary = "One commune with its population and display-simplified polygon")
	CommuneView commune(@PathVariable String code) {
		return communes.commune(code);
	}

}
