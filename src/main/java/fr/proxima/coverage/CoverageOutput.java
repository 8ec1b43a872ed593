package fr.proxima.coverage;

import java.lang.reflect.ParameterizedType;
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
 * Writes a coverage result in the format a client asks for: the JSON report, one of its
 * tables as CSV (one column per record component, lists joined with '|', the header line
 * even without rows), or, for tables about communes, a GeoJSON layer of the communes'
 * display polygons carrying the row as properties, with the report's {@link #metadata}.
 */
@Component
class CoverageOutput {

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");

	private final AccessData data;

	CoverageOutput(AccessData data) {
		this.data = data;
	}

	/**
	 * The report itself as JSON; {@code table}, rows of {@code rowType}, as CSV or
	 * GeoJSON.
	 */
	<R extends Record> ResponseEntity<?> respond(String format, Record report, Class<R> rowType, List<R> table,
			String name) {
		return respond(format, report, metadata(report), rowType, table, name);
	}

	<R extends Record> ResponseEntity<?> respond(String format, Object json, Map<String, Object> metadata,
			Class<R> rowType, List<R> table, String name) {
		return switch (checkFormat(format)) {
			case "json" -> ResponseEntity.ok(json);
			case "csv" -> ResponseEntity.ok()
				.contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
				.body(csv(rowType, table));
			case "geojson" -> ResponseEntity.ok().contentType(GEOJSON).body(layer(rowType, table, metadata));
			default -> throw new IllegalStateException(format);
		};
	}

	/**
	 * Everything a report says besides its tables (components that are lists of records):
	 * parameters, totals, {@code method}, {@code estimated}… The GeoJSON layers carry it
	 * as {@code metadata}.
	 */
	static Map<String, Object> metadata(Record report) {
		Map<String, Object> out = new LinkedHashMap<>();
		for (RecordComponent c : report.getClass().getRecordComponents()) {
			boolean table = c.getGenericType() instanceof ParameterizedType list && List.class.equals(list.getRawType())
					&& list.getActualTypeArguments()[0] instanceof Class<?> row && row.isRecord();
			if (!table) {
				out.put(c.getName(), value(report, c));
			}
		}
		return out;
	}

	/** The format in lower case; rejected before any computation when unknown. */
	static String checkFormat(String format) {
		String f = format == null || format.isBlank() ? "json" : format.trim().toLowerCase();
		if (!List.of("json", "csv", "geojson").contains(f)) {
			throw new InvalidInputException("Unknown format '" + format + "'. Known: json, csv, geojson");
		}
		return f;
	}

	private FeatureCollection layer(Class<?> rowType, List<? extends Record> table, Map<String, Object> metadata) {
		if (!CommuneRow.class.isAssignableFrom(rowType)) {
			throw new InvalidInputException("This table is not about communes: ask for format=json or format=csv");
		}
		Map<String, Geometry> shapes = data.displayGeometries(table.stream()
			.map(r -> ((CommuneRow) r).code())
			.collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
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

	static String csv(Class<? extends Record> rowType, List<? extends Record> rows) {
		StringBuilder sb = new StringBuilder();
		RecordComponent[] components = rowType.getRecordComponents();
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
