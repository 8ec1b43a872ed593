package fr.proxima.coverage;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.proxima.coverage.internal.AccessData;
import fr.proxima.shared.Feature;
import fr.proxima.shared.FeatureCollection;
import fr.proxima.shared.InvalidInputException;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Writes a coverage result in the format a client asks for: the JSON report, one of its tables as CSV (one column per
 * record component, lists joined with '|'), or, for tables about communes, a GeoJSON layer of the communes' display
 * polygons carrying the row as properties.
 */
@Component
class CoverageOutput {

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");

	private final AccessData data;

	CoverageOutput(AccessData data) {
		this.data = data;
	}

	ResponseEntity<?> respond(String format, Object report, List<? extends Record> table, String name,
			Map<String, Object> metadata) {
		return switch (checkFormat(format)) {
			case "json" -> ResponseEntity.ok(report);
			case "csv" -> ResponseEntity.ok()
				.contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
				.body(csv(table));
			case "geojson" -> ResponseEntity.ok().contentType(GEOJSON).body(layer(table, metadata));
			default -> throw new IllegalStateException(format);
		};
	}

	/** The format in lower case; rejected before any computation when unknown. */
	static String checkFormat(String format) {
		String f = format == null || format.isBlank() ? "json" : format.trim().toLowerCase();
		if (!List.of("json", "csv", "geojson").contains(f)) {
			throw new InvalidInputException("Unknown format '" + format + "'. Known: json, csv, geojson");
		}
		return f;
	}

	private FeatureCollection layer(List<? extends Record> table, Map<String, Object> metadata) {
		if (!table.stream().allMatch(CommuneRow.class::isInstance)) {
			throw new InvalidInputException("This table is not about communes: ask for format=json or format=csv");
		}
		Map<String, Geometry> shapes = data.displayGeometries(
				table.stream().map(r -> ((CommuneRow) r).code()).collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
		List<Feature> features = table.stream().map(r -> {
			String code = ((CommuneRow) r).code();
			return Feature.of(code, shapes.get(code), properties(r));
		}).toList();
		return FeatureCollection.of(features, metadata);
	}

	static Map<String, Object> properties(Record row) {
		Map<String, Object> out = new LinkedHashMap<>();
		for (RecordComponent c : row.getClass().getRecordComponents()) {
			out.put(c.getName(), value(row, c));
		}
		return out;
	}

	static String csv(List<? extends Record> rows) {
		StringBuilder sb = new StringBuilder();
		if (rows.isEmpty()) {
			return sb.toString();
		}
		RecordComponent[] components = rows.get(0).getClass().getRecordComponents();
		for (int c = 0; c < components.length; c++) {
			sb.append(c == 0 ? "" : ",").append(snake(components[c].getName()));
		}
		sb.append("\r\n");
		for (Record row : rows) {
			for (int c = 0; c < components.length; c++) {
				sb.append(c == 0 ? "" : ",").append(cell(value(row, components[c])));
			}
			sb.append("\r\n");
		}
		return sb.toString();
	}

	private static Object value(Record row, RecordComponent c) {
		try {
			return c.getAccessor().invoke(row);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String cell(Object value) {
		String s;
		if (value == null) {
			return "";
		}
		else if (value instanceof Double d) {
			s = Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : "";
		}
		else if (value instanceof Collection<?> list) {
			s = list.stream().map(String::valueOf).collect(Collectors.joining("|"));
		}
		else {
			s = String.valueOf(value);
		}
		return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
				? '"' + s.replace("\"", "\"\"") + '"' : s;
	}

	private static String snake(String camel) {
		return camel.replaceAll("([a-z])([A-Z0-9])", "$1_$2").replaceAll("([0-9])([A-Z])", "$1_$2").toLowerCase();
	}

}
