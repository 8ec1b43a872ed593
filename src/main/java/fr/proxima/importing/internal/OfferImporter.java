package fr.proxima.importing.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import fr.proxima.importing.ImportReport;
import fr.proxima.offers.Audience;
import fr.proxima.offers.Family;
import fr.proxima.shared.Geo;
import fr.proxima.shared.GeoJsonGeometry;
import fr.proxima.shared.InvalidInputException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Offers that FINESS does not list (habitat inclusif, accueil familial, téléassistance,
 * portage de repas…) in the plain Proxima layout, as CSV (columns {@link #COLUMNS},
 * position in {@code lon}/{@code lat}) or GeoJSON (Point features with the same
 * properties; optional {@code zone} property holding a Polygon or MultiPolygon). The
 * natural key is {@code source_ref = <source>:<ref>}, so a re-import updates.
 * {@code zone_communes} is a '|'-separated list of INSEE codes: the declared intervention
 * zone, replaced on every import.
 */
@Component
public class OfferImporter {

	/** Every column of the CSV layout; the first five are required. */
	public static final List<String> COLUMNS = List.of("source", "ref", "name", "family", "audience", "capacity", "lon",
			"lat", "address", "postal_code", "city", "commune_code", "phone", "email", "website", "zone_communes",
			"source_date", "verified_at");

	/** Properties that identify the GeoJSON layout. */
	public static final List<String> PROPERTIES = List.of("source", "ref", "name", "family");

	private final JdbcTemplate jdbc;

	OfferImporter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public static boolean recognisesCsv(String headerLine) {
		Delimited.Header header = Delimited.Header.of(Delimited.split(headerLine, Delimited.separatorOf(headerLine)));
		return PROPERTIES.stream().allMatch(header::has);
	}

	private record Parsed(String key, Object[] params, Set<String> zone) {
	}

	public void run(List<Path> files, ImportReport report) {
		Map<String, Parsed> offers = new LinkedHashMap<>();
		CommuneLocator communes = new CommuneLocator(jdbc);
		OffsetDateTime now = OffsetDateTime.now();
		for (Path path : files) {
			String file = path.getFileName().toString();
			if (file.toLowerCase(Locale.ROOT).endsWith("json")) {
				for (GeoJsonFile.GeoFeature f : GeoJsonInput.read(path, report)) {
					Geometry g = f.geometry();
					if (g != null && !(g instanceof Point)) {
						report.error(file, f.number(), "geometry", "expected a Point (the offer's location)");
						continue;
					}
					JsonNode zone = f.properties().get("zone");
					Geometry zoneGeom = null;
					if (zone != null && !zone.isNull()) {
						try {
							zoneGeom = GeoJsonGeometry.read(zone);
						}
						catch (IllegalArgumentException e) {
							report.error(file, f.number(), "zone", e.getMessage());
							continue;
						}
					}
					parse(f::text, (Point) g, zoneGeom, file, f.number(), communes, now, offers, report);
				}
			}
			else {
				readCsv(TextFile.read(path), communes, now, offers, report);
			}
		}
		if (report.failed()) {
			return;
		}
		List<Db.Keyed> rows = offers.values().stream().map(p -> new Db.Keyed(p.key(), p.params())).toList();
		Db.upsert(jdbc, Db.keys(jdbc, "SELECT source_ref FROM offer WHERE source_ref IS NOT NULL"), rows,
				"INSERT INTO offer (name, family, audience, capacity, address, postal_code, city, commune_code, phone,"
						+ " email, website, geom, zone_geom, source_name, source_date, imported_at, verified_at,"
						+ " source_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + Db.GEOM + ", " + Db.GEOM
						+ ", ?, ?, ?, ?, ?)",
				"UPDATE offer SET name = ?, family = ?, audience = ?, capacity = ?, address = ?, postal_code = ?,"
						+ " city = ?, commune_code = ?, phone = ?, email = ?, website = ?, geom = " + Db.GEOM
						+ ", zone_geom = " + Db.GEOM + ", source_name = ?, source_date = ?, imported_at = ?,"
						+ " verified_at = ? WHERE source_ref = ?",
				report);
		Map<String, Long> ids = Db.ids(jdbc, "SELECT source_ref, id FROM offer WHERE source_ref IS NOT NULL");
		List<Object[]> cleared = new ArrayList<>();
		List<Object[]> zone = new ArrayList<>();
		offers.values().forEach(p -> {
			Long id = ids.get(p.key());
			cleared.add(new Object[] { id });
			p.zone().forEach(code -> zone.add(new Object[] { id, code }));
		});
		Db.batch(jdbc, "DELETE FROM offer_zone_commune WHERE offer_id = ?", cleared);
		Db.batch(jdbc, "INSERT INTO offer_zone_commune (offer_id, commune_code) VALUES (?, ?)", zone);
	}

	private void readCsv(TextFile text, CommuneLocator communes, OffsetDateTime now, Map<String, Parsed> offers,
			ImportReport report) {
		report.addFile(text.path().toString());
		String file = text.name();
		String headerLine = text.lines().isEmpty() ? "" : text.lines().get(0);
		if (!recognisesCsv(headerLine)) {
			report.error(file, 1L, null, "wrong layout: expected a Proxima offers header with at least the columns "
					+ String.join(",", PROPERTIES) + " (full layout: " + String.join(",", COLUMNS) + ")");
			return;
		}
		char sep = Delimited.separatorOf(headerLine);
		List<String> names = Delimited.split(headerLine, sep);
		Delimited.Header header = Delimited.Header.of(names);
		for (int i = 1; i < text.lines().size(); i++) {
			if (text.lines().get(i).isBlank()) {
				continue;
			}
			long line = i + 1;
			List<String> row = Delimited.split(text.lines().get(i), sep);
			if (row.size() < names.size()) {
				report.read();
				report.error(file, line, names.get(row.size()),
						"truncated line: " + row.size() + " fields, expected " + names.size());
				continue;
			}
			String lon = header.get(row, "lon");
			String lat = header.get(row, "lat");
			Point point = null;
			if (lon.isEmpty() != lat.isEmpty()) {
				report.read();
				report.error(file, line, lon.isEmpty() ? "lon" : "lat", "lon and lat: give both or neither");
				continue;
			}
			if (!lon.isEmpty()) {
				Double x = number(lon, "lon", file, line, report);
				Double y = number(lat, "lat", file, line, report);
				if (x == null || y == null) {
					report.read();
					continue;
				}
				try {
					point = Geo.point(x, y);
				}
				catch (InvalidInputException e) {
					report.read();
					report.error(file, line, "lon", e.getBody().getDetail());
					continue;
				}
			}
			parse(column -> header.get(row, column), point, null, file, line, communes, now, offers, report);
		}
	}

	private static void parse(UnaryOperator<String> get, Point point, Geometry zoneGeom, String file, long line,
			CommuneLocator communes, OffsetDateTime now, Map<String, Parsed> offers, ImportReport report) {
		report.read();
		for (String required : List.of("source", "ref", "name", "family", "audience")) {
			if (get.apply(required).isEmpty()) {
				report.error(file, line, required, "missing value");
				return;
			}
		}
		Family family;
		Audience audience;
		try {
			family = Family.fromCode(get.apply("family"));
		}
		catch (InvalidInputException e) {
			report.error(file, line, "family", e.getBody().getDetail());
			return;
		}
		try {
			audience = Audience.fromCode(get.apply("audience"));
		}
		catch (InvalidInputException e) {
			report.error(file, line, "audience", e.getBody().getDetail());
			return;
		}
		String capacityText = get.apply("capacity");
		if (!capacityText.isEmpty() && !capacityText.matches("\\d+")) {
			report.error(file, line, "capacity", "not a whole number of places: '" + capacityText + "'");
			return;
		}
		MultiPolygon zonePolygon = zoneGeom == null ? null : Geo.toMultiPolygon(zoneGeom);
		if (zoneGeom != null && zonePolygon == null) {
			report.error(file, line, "zone", "expected a Polygon or MultiPolygon");
			return;
		}
		Set<String> zone = new LinkedHashSet<>();
		for (String code : get.apply("zone_communes").split("\\|")) {
			if (code.isBlank()) {
				continue;
			}
			if (!code.trim().matches("\\d[\\dAB]\\d{3}")) {
				report.error(file, line, "zone_communes", "invalid INSEE commune code '" + code.trim() + "'");
				return;
			}
			zone.add(code.trim());
		}
		String commune = get.apply("commune_code");
		if (!commune.isEmpty() && !commune.matches("\\d[\\dAB]\\d{3}")) {
			report.error(file, line, "commune_code", "invalid INSEE commune code '" + commune + "'");
			return;
		}
		if (commune.isEmpty() && point != null) {
			commune = communes.communeAt(point);
		}
		long errorsBefore = report.getErrorCount();
		LocalDate sourceDate = date(get.apply("source_date"), "source_date", file, line, report);
		LocalDate verified = date(get.apply("verified_at"), "verified_at", file, line, report);
		if (report.getErrorCount() > errorsBefore) {
			return;
		}
		String key = get.apply("source") + ":" + get.apply("ref");
		Object[] params = { get.apply("name"), family.code(), audience.code(),
				capacityText.isEmpty() ? null : Integer.valueOf(capacityText), blank(get.apply("address")),
				blank(get.apply("postal_code")), blank(get.apply("city")), blank(commune), blank(get.apply("phone")),
				blank(get.apply("email")), blank(get.apply("website")), Db.wkb(point), Db.wkb(zonePolygon),
				get.apply("source"), sourceDate, now,
				verified == null ? null : verified.atStartOfDay().atOffset(ZoneOffset.UTC), key };
		if (offers.put(key, new Parsed(key, params, zone)) != null) {
			report.warn(file + ":" + line + ": offer " + key + " listed twice; the last one wins");
		}
	}

	private static Double number(String value, String field, String file, long line, ImportReport report) {
		try {
			return Double.valueOf(value);
		}
		catch (NumberFormatException e) {
			report.error(file, line, field, "not a number: '" + value + "'");
			return null;
		}
	}

	private static LocalDate date(String value, String field, String file, long line, ImportReport report) {
		if (value.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			report.error(file, line, field, "not a date (YYYY-MM-DD): '" + value + "'");
			return null;
		}
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s;
	}

}
