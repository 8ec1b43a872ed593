package fr.proxima.ogc.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import fr.proxima.ogc.OgcSettings;
import fr.proxima.shared.InvalidInputException;
import org.locationtech.jts.geom.Envelope;

/**
 * The checked parameters of an items request. Unknown parameters are refused (400), as
 * OGC API Features allows, so that a misspelt filter never silently returns everything.
 *
 * @param boxes the {@code bbox} as CRS84 rectangles: two when it crosses the antimeridian
 * (west edge greater than east edge), none without a bbox
 * @param limit page size, clamped to the configured maximum
 * @param from first date of {@code datetime} (inclusive), null when open
 * @param to last date of {@code datetime} (inclusive), null when open
 * @param filters the collection's property filters given, name → value
 * @param crs the CRS of the answer
 */
public record ItemsQuery(List<Envelope> boxes, int limit, int offset, LocalDate from, LocalDate to,
		Map<String, String> filters, Crs crs) {

	/** Parameters every items request may carry. */
	public static final Set<String> STANDARD = Set.of("f", "bbox", "bbox-crs", "crs", "limit", "offset", "datetime");

	/** Every feature of a collection, in CRS84 (the exports). */
	public static ItemsQuery everything(Map<String, String> filters) {
		return new ItemsQuery(List.of(), Integer.MAX_VALUE, 0, null, null, filters, Crs.CRS84);
	}

	public static ItemsQuery parse(Map<String, String[]> params, CollectionDef collection, OgcSettings settings) {
		Set<String> unknown = new TreeSet<>(params.keySet());
		unknown.removeAll(STANDARD);
		unknown.removeAll(collection.filters().keySet());
		if (!unknown.isEmpty()) {
			throw new InvalidInputException("Unknown parameter(s) " + unknown + " for collection '" + collection.id()
					+ "'. Accepted: " + new TreeSet<>(STANDARD) + " and " + collection.filters().keySet());
		}
		Map<String, String> filters = new LinkedHashMap<>();
		for (String name : collection.filters().keySet()) {
			String v = one(params, name);
			if (v != null && !v.isBlank()) {
				filters.put(name, v.trim());
			}
		}
		Crs bboxCrs = Crs.fromUri("bbox-crs", one(params, "bbox-crs"));
		if (params.containsKey("bbox-crs") && !params.containsKey("bbox")) {
			throw new InvalidInputException("bbox-crs is given without bbox");
		}
		LocalDate[] dates = datetime(one(params, "datetime"));
		return new ItemsQuery(boxes(one(params, "bbox"), bboxCrs), limit(one(params, "limit"), settings),
				offset(one(params, "offset")), dates[0], dates[1], filters, Crs.fromUri("crs", one(params, "crs")));
	}

	private static String one(Map<String, String[]> params, String name) {
		String[] values = params.get(name);
		if (values == null || values.length == 0) {
			return null;
		}
		if (values.length > 1) {
			throw new InvalidInputException("Parameter '" + name + "' is given " + values.length + " times");
		}
		return values[0];
	}

	/** OGC API Features: a limit over the maximum is clamped to it, not refused. */
	private static int limit(String text, OgcSettings settings) {
		if (text == null) {
			return settings.defaultLimit();
		}
		int l = integer("limit", text);
		if (l < 1) {
			throw new InvalidInputException("limit must be 1 or more (got " + l + ")");
		}
		return Math.min(l, settings.maxLimit());
	}

	private static int offset(String text) {
		int o = text == null ? 0 : integer("offset", text);
		if (o < 0) {
			throw new InvalidInputException("offset must be 0 or more (got " + o + ")");
		}
		return o;
	}

	private static int integer(String name, String text) {
		try {
			return Integer.parseInt(text.trim());
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException(name + " must be a whole number (got '" + text + "')");
		}
	}

	/**
	 * {@code minLon,minLat,maxLon,maxLat} (or the 6-number 3D form, heights ignored). A
	 * west edge greater than the east edge crosses the antimeridian; latitudes may reach
	 * the poles.
	 */
	static List<Envelope> boxes(String text, Crs crs) {
		if (text == null) {
			return List.of();
		}
		String[] parts = text.split(",", -1);
		if (parts.length != 4 && parts.length != 6) {
			throw new InvalidInputException(
					"bbox must have 4 or 6 numbers: minLon,minLat,maxLon,maxLat (got '" + text + "')");
		}
		double[] v = new double[parts.length];
		for (int i = 0; i < parts.length; i++) {
			try {
				v[i] = Double.parseDouble(parts[i].trim());
			}
			catch (NumberFormatException e) {
				throw new InvalidInputException("bbox value '" + parts[i] + "' is not a number");
			}
			if (!Double.isFinite(v[i])) {
				throw new InvalidInputException("bbox value '" + parts[i] + "' is not a finite number");
			}
		}
		int h = parts.length == 6 ? 1 : 0;
		double minX = v[0], minY = v[1], maxX = v[2 + h], maxY = v[3 + h];
		if (minY > maxY) {
			throw new InvalidInputException("bbox '" + text + "': the south edge is above the north edge");
		}
		if (crs != Crs.CRS84) {
			if (minX > maxX) {
				throw new InvalidInputException("bbox '" + text + "': the west edge is east of the east edge");
			}
			return List.of(crs.toCrs84(minX, minY, maxX, maxY));
		}
		if (minX < -180 || maxX > 180 || minX > 180 || maxX < -180 || minY < -90 || maxY > 90) {
			throw new InvalidInputException(
					"bbox '" + text + "' is outside the CRS84 ranges (longitude -180..180, latitude -90..90)");
		}
		if (minX > maxX) {
			return List.of(new Envelope(minX, 180, minY, maxY), new Envelope(-180, maxX, minY, maxY));
		}
		return List.of(new Envelope(minX, maxX, minY, maxY));
	}

	/**
	 * An instant or an interval ({@code a/b}, {@code ../b}, {@code a/..}), as dates or
	 * RFC 3339 date-times (compared by their date: offers carry dates).
	 */
	static LocalDate[] datetime(String text) {
		if (text == null || text.isBlank()) {
			return new LocalDate[2];
		}
		String[] ends = text.split("/", -1);
		if (ends.length > 2) {
			throw new InvalidInputException("datetime must be an instant or an interval a/b (got '" + text + "')");
		}
		if (ends.length == 1) {
			LocalDate d = date(ends[0]);
			return new LocalDate[] { d, d };
		}
		LocalDate a = open(ends[0]) ? null : date(ends[0]);
		LocalDate b = open(ends[1]) ? null : date(ends[1]);
		if (a != null && b != null && a.isAfter(b)) {
			throw new InvalidInputException("datetime interval '" + text + "' ends before it starts");
		}
		return new LocalDate[] { a, b };
	}

	private static boolean open(String end) {
		return end.isEmpty() || end.equals("..");
	}

	private static LocalDate date(String text) {
		try {
			return text.length() <= 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).toLocalDate();
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException("datetime '" + text + "' is not an RFC 3339 date or date-time");
		}
	}

}
