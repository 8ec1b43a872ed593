package fr.proxima.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.proxima.shared.Feature;
import fr.proxima.shared.FeatureCollection;
import fr.proxima.shared.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A catchment as the API answers it: a GeoJSON layer of the area with its totals (the
 * communes' shares in {@code metadata}), or the communes' table as CSV.
 */
final class CatchmentOutput {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private static final String HEADER = "code,name,departement,share,population,aged_75_plus,aged_85_plus,"
			+ "population_inside,aged_75_plus_inside,aged_85_plus_inside,method";

	private CatchmentOutput() {
	}

	static ResponseEntity<?> respond(String format, Catchment c, Map<String, Object> context) {
		String f = format == null || format.isBlank() ? "geojson" : format.trim().toLowerCase();
		return switch (f) {
			case "geojson",
					"json" ->
				ResponseEntity.ok()
					.contentType(MediaType.parseMediaType("application/geo+json"))
					.body(layer(c, context));
			case "csv" -> ResponseEntity.ok()
				.contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"catchment.csv\"")
				.body(csv(c));
			default -> throw new InvalidInputException("Unknown format '" + format + "'. Known: geojson, csv");
		};
	}

	private static FeatureCollection layer(Catchment c, Map<String, Object> context) {
		Map<String, Object> totals = new LinkedHashMap<>();
		totals.put("basis", c.basis());
		totals.put("minutes", c.minutes());
		totals.put("method", c.method());
		totals.put("estimated", c.method() == null ? null : c.method() != TravelMethod.NETWORK);
		totals.put("population", round(c.population()));
		totals.put("aged75Plus", round(c.aged75Plus()));
		totals.put("aged85Plus", round(c.aged85Plus()));
		Map<String, Object> metadata = new LinkedHashMap<>(totals);
		metadata.putAll(context);
		metadata.put("sources", c.sources());
		metadata.put("missingPopulation", c.missingPopulation());
		metadata.put("communes", c.communes().stream().map(CatchmentOutput::rounded).toList());
		return FeatureCollection.of(List.of(Feature.of("catchment", c.area(), totals)), metadata);
	}

	private static Catchment.Share rounded(Catchment.Share s) {
		return new Catchment.Share(s.code(), s.name(), s.departement(), Math.round(s.share() * 1e6) / 1e6,
				s.population(), s.aged75Plus(), s.aged85Plus(), round(s.populationInside()),
				round(s.aged75PlusInside()), round(s.aged85PlusInside()));
	}

	static String csv(Catchment c) {
		StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
		for (Catchment.Share s : c.communes()) {
			Catchment.Share r = rounded(s);
			sb.append(String.join(",", r.code(), quoted(r.name()), r.departement(), String.valueOf(r.share()),
					text(r.population()), text(r.aged75Plus()), text(r.aged85Plus()), text(r.populationInside()),
					text(r.aged75PlusInside()), text(r.aged85PlusInside()),
					c.method() == null ? "" : c.method().code()))
				.append("\r\n");
		}
		return sb.toString();
	}

	private static String quoted(String s) {
		return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
	}

	private static String text(Object value) {
		return value == null ? "" : String.valueOf(value);
	}

	private static Double round(Double v) {
		return v == null ? null : Math.round(v * 10) / 10.0;
	}

}
