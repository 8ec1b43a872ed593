package fr.proxima.territory;

import java.util.List;
import java.util.Map;

import fr.proxima.shared.Feature;
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

	private final PlaceSearch places;

	TerritoryController(CommuneDirectory communes, PlaceSearch places) {
		this.communes = communes;
		this.places = places;
	}

	@GetMapping(path = "/api/departements", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "listDepartements", summary = "The loaded départements")
	List<DepartementView> departements() {
		return communes.departements();
	}

	@GetMapping(path = "/api/departements.geojson",
			produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	@Operation(operationId = "listDepartementsGeoJson",
			summary = "The départements that have a polygon, simplified for drawing their borders")
	FeatureCollection departementsGeojson() {
		List<Feature> borders = communes.departementBorders();
		return FeatureCollection.of(borders, Map.of("total", borders.size()));
	}

	@GetMapping(path = "/api/places", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "searchPlaces", summary = "Find communes by name prefix, INSEE code or postcode",
			description = "Names match by prefix, ignoring case, accents, hyphens and apostrophes; a five-character"
					+ " query also matches an INSEE code, and a postcode through the postal codes of the offers"
					+ " located in the communes (the store holds no postcode reference). Codes first, then names,"
					+ " most populated first.")
	List<PlaceView> places(
			@Parameter(description = "commune name (prefix), postcode or INSEE code",
					example = "Mende") @RequestParam String q,
			@Parameter(description = "most places returned (1 to 20)") @RequestParam(defaultValue = "8") int limit) {
		return places.search(q, limit);
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
