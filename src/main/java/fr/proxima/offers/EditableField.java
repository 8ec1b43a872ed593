package fr.proxima.offers;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import fr.proxima.shared.Geo;
import fr.proxima.shared.GeoJsonGeometry;
import fr.proxima.shared.InvalidInputException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTWriter;
import tools.jackson.databind.JsonNode;

/**
 * What an organisation may edit on its offers, by the name the API uses. A field that a
 * register also supplies ({@link #registerAlsoSupplies}) is taken over by the
 * organisation once edited: re-imports keep the organisation's value and list a conflict
 * when the register's own value changes (docs/accounts.md, the import-vs-edit rule).
 * Values are compared and kept in the history as text.
 */
public enum EditableField {

	PHONE("phone", "phone", true), EMAIL("email", "email", true), WEBSITE("website", "website", true),
	/** the capacity, in places */
	PLACES("places", "capacity", true), FREE_PLACES("freePlaces", "free_places", false),
	/** the day places and free places were given */
	PLACES_GIVEN_AT("placesGivenAt", "places_given_at", false), OPENING_HOURS("openingHours", "opening_hours", false),
	DESCRIPTION("description", "description", false),
	/**
	 * the declared intervention zone as INSEE codes, kept as a sorted comma-separated
	 * list
	 */
	ZONE_COMMUNES("zoneCommunes", null, true),
	/** the declared intervention zone as a polygon (GeoJSON in, WKT as text) */
	ZONE_GEOMETRY("zoneGeometry", "zone_geom", true),
	/**
	 * the name: only of an offer the organisation created (the register owns the others')
	 */
	NAME("name", "name", false),
	/**
	 * the premises as a GeoJSON Point (WKT as text): only of an offer the organisation
	 * created
	 */
	LOCATION("location", "geom", false);

	public final String apiName;

	/** the column of {@code offer}; null for the zone's communes (their own table) */
	public final String column;

	public final boolean registerAlsoSupplies;

	EditableField(String apiName, String column, boolean registerAlsoSupplies) {
		this.apiName = apiName;
		this.column = column;
		this.registerAlsoSupplies = registerAlsoSupplies;
	}

	static EditableField fromApiName(String name) {
		return Arrays.stream(values())
			.filter(f -> f.apiName.equals(name))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("'" + name + "' cannot be edited. Editable fields: "
					+ Arrays.stream(values()).map(f -> f.apiName).collect(Collectors.joining(", "))));
	}

	/**
	 * Whether only an offer its organisation created may change this field: on the others
	 * the register owns it (docs/accounts.md, the import-vs-edit rule).
	 */
	boolean ownOffersOnly() {
		return this == NAME || this == LOCATION;
	}

	/** Whether the value is a geometry (WKT as text). */
	boolean geometry() {
		return this == ZONE_GEOMETRY || this == LOCATION;
	}

	/** The column's SQL assignment binding one parameter given by {@link #sqlValue}. */
	String assignment() {
		return geometry() ? column + " = ST_GeomFromText(?, 4326)" : column + " = ?";
	}

	/** The value to bind for a text form (as {@link #text} gives it). */
	Object sqlValue(String text) {
		if (text == null) {
			return null;
		}
		return switch (this) {
			case PLACES, FREE_PLACES -> Integer.valueOf(text);
			case PLACES_GIVEN_AT -> LocalDate.parse(text);
			default -> text;
		};
	}

	/** Checks a value sent by the API and gives its text form (null clears the field). */
	String text(JsonNode v) {
		if (v == null || v.isNull()) {
			return null;
		}
		return switch (this) {
			case PHONE -> matching(v, 40, "[0-9+(). -]{4,40}", "a phone number (digits, spaces, + ( ) . -)");
			case EMAIL -> matching(v, 255, "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", "an e-mail address");
			case WEBSITE -> website(v);
			case PLACES, FREE_PLACES -> count(v);
			case PLACES_GIVEN_AT -> date(v);
			case OPENING_HOURS -> plain(v, 1000);
			case DESCRIPTION -> plain(v, 1000);
			case ZONE_COMMUNES -> communes(v);
			case ZONE_GEOMETRY -> polygon(v);
			case NAME -> name(v);
			case LOCATION -> point(v);
		};
	}

	private String plain(JsonNode v, int max) {
		String s = v.isString() ? v.stringValue().strip() : null;
		if (s == null || s.length() > max) {
			throw invalid("text of at most " + max + " characters");
		}
		return s.isEmpty() ? null : s;
	}

	private String matching(JsonNode v, int max, String pattern, String what) {
		String s = plain(v, max);
		if (s != null && !s.matches(pattern)) {
			throw invalid(what);
		}
		return s;
	}

	private String website(JsonNode v) {
		String s = plain(v, 500);
		try {
			URI uri = s == null ? null : URI.create(s);
			if (uri != null && (!List.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null)) {
				throw new IllegalArgumentException();
			}
		}
		catch (IllegalArgumentException e) {
			throw invalid("an http:// or https:// address");
		}
		return s;
	}

	private String count(JsonNode v) {
		if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0 || v.asInt() > 100_000) {
			throw invalid("a whole number from 0 to 100000");
		}
		return String.valueOf(v.asInt());
	}

	private String date(JsonNode v) {
		try {
			LocalDate d = LocalDate.parse(plain(v, 10));
			if (d.isAfter(LocalDate.now().plusDays(1))) {
				throw invalid("a date that is not in the future");
			}
			return d.toString();
		}
		catch (DateTimeParseException | NullPointerException e) {
			throw invalid("a date YYYY-MM-DD");
		}
	}

	private String communes(JsonNode v) {
		if (!v.isArray() || v.size() > 1000) {
			throw invalid("a list of at most 1000 INSEE commune codes");
		}
		TreeSet<String> codes = new TreeSet<>();
		for (JsonNode c : v.values()) {
			String code = c.isString() ? c.stringValue().trim() : "";
			if (!code.matches("\\d[\\dAB]\\d{3}")) {
				throw invalid("INSEE commune codes (5 characters), not '" + c + "'");
			}
			codes.add(code);
		}
		return codes.isEmpty() ? null : String.join(",", codes);
	}

	private String polygon(JsonNode v) {
		MultiPolygon zone;
		try {
			zone = Geo.toMultiPolygon(GeoJsonGeometry.read(v));
		}
		catch (RuntimeException e) {
			throw invalid("a GeoJSON Polygon or MultiPolygon (" + e.getMessage() + ")");
		}
		if (zone == null || !zone.isValid() || zone.getNumPoints() > 10_000) {
			throw invalid("a valid GeoJSON Polygon or MultiPolygon of at most 10000 points");
		}
		return new WKTWriter(2).write(zone);
	}

	private String name(JsonNode v) {
		String s = plain(v, 255);
		if (s == null) {
			throw invalid("a name of 1 to 255 characters");
		}
		return s;
	}

	private String point(JsonNode v) {
		Geometry g;
		try {
			g = GeoJsonGeometry.read(v);
		}
		catch (RuntimeException e) {
			throw invalid("a GeoJSON Point (" + e.getMessage() + ")");
		}
		if (!(g instanceof Point p) || p.isEmpty() || Math.abs(p.getX()) > 180 || Math.abs(p.getY()) > 90) {
			throw invalid("a GeoJSON Point in longitude and latitude");
		}
		return new WKTWriter(2).write(Geo.point(p.getX(), p.getY()));
	}

	List<String> communeList(String text) {
		return text == null ? List.of() : new ArrayList<>(List.of(text.split(",")));
	}

	private InvalidInputException invalid(String expected) {
		return new InvalidInputException(apiName + ": expected " + expected);
	}

}
