package fr.proxima.importing.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.proxima.importing.ImportReport;
import fr.proxima.offers.Audience;
import fr.proxima.offers.Family;
import fr.proxima.shared.Geo;
import org.locationtech.jts.geom.Point;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * FINESS establishments in the official Etalab extract layout
 * ({@code etalab-cs1100507-stock-*.csv}): a first line
 * {@code finess;etalab;<rows>;<date>}, one {@code structureet} line per establishment and
 * one {@code geolocalisation} line with its projected coordinates (Lambert-93 in
 * metropolitan France). Upserts offers by FINESS ET and organisations by FINESS EJ; the
 * commune of an offer is found by point-in-polygon against the imported communes, falling
 * back to the (older) FINESS commune code.
 */
@Component
public class FinessImporter {

	public static final String SOURCE = "FINESS";

	/** Fields of a {@code structureet} line after its tag. */
	static final List<String> STRUCTUREET = List.of("nofinesset", "nofinessej", "rs", "rslongue", "complrs",
			"compldistrib", "numvoie", "typvoie", "voie", "compvoie", "lieuditbp", "commune", "departement",
			"libdepartement", "ligneacheminement", "telephone", "telecopie", "categetab", "libcategetab",
			"categagretab", "libcategagretab", "siret", "codeape", "codemft", "libmft", "codesph", "libsph", "dateouv",
			"dateautor", "datemaj", "numuai");

	/** Fields of a {@code geolocalisation} line after its tag. */
	static final List<String> GEOLOCALISATION = List.of("nofinesset", "coordxet", "coordyet", "sourcecoordet",
			"datemaj");

	/**
	 * Projection named at the end of {@code sourcecoordet} → EPSG code; Lambert-93 when
	 * none is named.
	 */
	private static final Map<String, String> PROJECTIONS = Map.of("LAMBERT_93", "EPSG:2154", "UTM_N20", "EPSG:5490",
			"UTM_N22", "EPSG:2972", "UTM_S40", "EPSG:2975", "UTM_S38", "EPSG:4471", "UTM_N21", "EPSG:4467");

	private static final Pattern HEADER = Pattern.compile("finess;etalab;(\\d*);([^;]*);?", Pattern.CASE_INSENSITIVE);

	private static final Pattern ROUTING = Pattern.compile("(\\d{5})\\s*(.*)");

	private static final String FINESS_NUMBER = "\\d[\\dAB]\\d{7}";

	private final JdbcTemplate jdbc;

	private final FinessCategories categories = FinessCategories.load();

	FinessImporter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public static boolean recognises(String firstLine) {
		return firstLine.toLowerCase(Locale.ROOT).startsWith("finess;etalab");
	}

	private record Establishment(List<String> f) {

		String get(String field) {
			return f.get(STRUCTUREET.indexOf(field) + 1);
		}

	}

	public void run(List<Path> files, ImportReport report) {
		Map<String, Establishment> establishments = new LinkedHashMap<>();
		Map<String, Point> points = new HashMap<>();
		LocalDate sourceDate = null;
		for (Path file : files) {
			LocalDate date = read(TextFile.read(file), establishments, points, report);
			sourceDate = sourceDate == null || (date != null && date.isAfter(sourceDate)) ? date : sourceDate;
		}
		if (report.failed()) {
			return;
		}
		Map<String, Long> organisations = upsertOrganisations(establishments.values());
		CommuneLocator communes = new CommuneLocator(jdbc);
		OffsetDateTime now = OffsetDateTime.now();
		Set<String> unknownCategories = new HashSet<>();
		List<Db.Keyed> rows = new ArrayList<>(establishments.size());
		for (Establishment e : establishments.values()) {
			String et = e.get("nofinesset");
			String category = e.get("categetab");
			FinessCategories.Mapping mapping = categories.find(category);
			if (mapping == null && unknownCategories.add(category)) {
				report.warn("FINESS category " + category + " ('" + e.get("libcategetab")
						+ "') is not in gis/finess_categories.csv: mapped to other/all");
			}
			Point point = points.get(et);
			String commune = point == null ? null : communes.communeAt(point);
			if (commune != null && inAnotherDepartement(commune, e.get("departement"))) {
				report.warn("FINESS " + et + ": coordinates " + point.getX() + ", " + point.getY() + " lie in commune "
						+ commune + ", outside its département " + e.get("departement") + "; point left empty");
				point = null;
				commune = null;
			}
			if (commune == null) {
				String finessCode = e.get("departement") + e.get("commune");
				commune = finessCode.matches("\\d[\\dAB]\\d{3}") ? finessCode : null;
			}
			Matcher routing = ROUTING.matcher(e.get("ligneacheminement"));
			boolean routed = routing.matches();
			String name = e.get("rslongue").isEmpty() ? e.get("rs") : e.get("rslongue");
			String label = e.get("libcategetab").isEmpty() && mapping != null ? mapping.label() : e.get("libcategetab");
			rows.add(new Db.Keyed(et,
					new Object[] { organisations.get(e.get("nofinessej")), name, category.isEmpty() ? null : category,
							blankToNull(label), (mapping == null ? Family.OTHER : mapping.family()).code(),
							(mapping == null ? Audience.ALL : mapping.audience()).code(), address(e),
							routed ? routing.group(1) : null,
							routed ? blankToNull(routing.group(2)) : blankToNull(e.get("ligneacheminement")), commune,
							blankToNull(e.get("telephone")), Db.wkb(point), SOURCE, sourceDate, now, et }));
		}
		Db.upsert(jdbc, Db.keys(jdbc, "SELECT finess_et FROM offer WHERE finess_et IS NOT NULL"), rows,
				"INSERT INTO offer (organisation_id, name, category_code, category_label, family, audience, address,"
						+ " postal_code, city, commune_code, phone, geom, source_name, source_date, imported_at,"
						+ " finess_et) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + Db.GEOM + ", ?, ?, ?, ?)",
				"UPDATE offer SET organisation_id = ?, name = ?, category_code = ?, category_label = ?, family = ?,"
						+ " audience = ?, address = ?, postal_code = ?, city = ?, commune_code = ?, phone = ?, geom = "
						+ Db.GEOM + ", source_name = ?, source_date = ?, imported_at = ? WHERE finess_et = ?",
				report);
	}

	/** Reads one file into the maps; returns the source date of its first line. */
	private LocalDate read(TextFile text, Map<String, Establishment> establishments, Map<String, Point> points,
			ImportReport report) {
		report.addFile(text.path().toString());
		String file = text.name();
		String first = text.lines().isEmpty() ? "" : text.lines().get(0);
		Matcher header = HEADER.matcher(first);
		if (!header.matches()) {
			report.error(file, 1L, null, "wrong layout: expected a FINESS Etalab extract whose first line is"
					+ " 'finess;etalab;<rows>;<date>', found '" + abbreviate(first) + "'");
			return null;
		}
		LocalDate sourceDate = null;
		try {
			sourceDate = LocalDate.parse(header.group(2).trim());
		}
		catch (DateTimeParseException e) {
			report.warn(file + ":1: extract date '" + header.group(2) + "' is not YYYY-MM-DD; source date left empty");
		}
		Map<String, CoordinateTransform> transforms = new HashMap<>();
		for (int i = 1; i < text.lines().size(); i++) {
			String line = text.lines().get(i);
			if (line.isBlank()) {
				continue;
			}
			long lineNo = i + 1;
			List<String> f = withoutControlCharacters(Delimited.split(line, ';'), file, lineNo, report);
			switch (f.get(0)) {
				case "structureet" -> {
					report.read();
					if (complete(f, STRUCTUREET, file, lineNo, report)
							&& valid(f.get(1), "nofinesset", file, lineNo, report)
							&& (f.get(2).isEmpty() || valid(f.get(2), "nofinessej", file, lineNo, report))) {
						if (establishments.put(f.get(1), new Establishment(f)) != null) {
							report.warn(file + ":" + lineNo + ": establishment " + f.get(1)
									+ " listed twice; the last line wins");
						}
					}
				}
				case "geolocalisation" -> {
					if (complete(f, GEOLOCALISATION, file, lineNo, report)) {
						Point p = point(f, transforms, file, lineNo, report);
						if (p != null) {
							points.put(f.get(1), p);
						}
					}
				}
				default ->
					report.warn(file + ":" + lineNo + ": line of unknown type '" + abbreviate(f.get(0)) + "' ignored");
			}
		}
		points.keySet()
			.stream()
			.filter(et -> !establishments.containsKey(et))
			.findFirst()
			.ifPresent(et -> report.warn(file + ": coordinates given for establishment " + et
					+ " (and maybe others) that has no structureet line"));
		return sourceDate;
	}

	private static boolean complete(List<String> f, List<String> fields, String file, long line, ImportReport report) {
		if (f.size() > fields.size()) {
			return true;
		}
		report.error(file, line, fields.get(f.size() - 1),
				"truncated line: " + f.get(0) + " has " + (f.size() - 1) + " of its " + fields.size() + " fields");
		return false;
	}

	private static boolean valid(String number, String field, String file, long line, ImportReport report) {
		if (number.matches(FINESS_NUMBER)) {
			return true;
		}
		report.error(file, line, field, "invalid FINESS number '" + number + "' (expected 9 characters)");
		return false;
	}

	/**
	 * The WGS84 point of a geolocalisation line; null when it has no coordinates or after
	 * reporting an error.
	 */
	private static Point point(List<String> f, Map<String, CoordinateTransform> transforms, String file, long line,
			ImportReport report) {
		String x = f.get(2).trim();
		String y = f.get(3).trim();
		if (x.isEmpty() && y.isEmpty()) {
			return null;
		}
		double[] xy = new double[2];
		for (int k = 0; k < 2; k++) {
			String v = k == 0 ? x : y;
			try {
				xy[k] = Double.parseDouble(v.replace(',', '.'));
			}
			catch (NumberFormatException e) {
				xy[k] = Double.NaN;
			}
			if (!Double.isFinite(xy[k])) {
				report.error(file, line, GEOLOCALISATION.get(k + 1), "not a number: '" + v + "'");
				return null;
			}
		}
		String source = f.get(4);
		String epsg = PROJECTIONS.entrySet()
			.stream()
			.filter(p -> source.endsWith(p.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse("EPSG:2154");
		ProjCoordinate out = new ProjCoordinate();
		transforms.computeIfAbsent(epsg, FinessImporter::toWgs84).transform(new ProjCoordinate(xy[0], xy[1]), out);
		try {
			Point p = Geo.point(out.x, out.y);
			if (!FranceBounds.contains(p.getX(), p.getY())) {
				report.warn(file + ":" + line + ": coordinates " + x + ", " + y + " (" + epsg + ") project to "
						+ p.getX() + ", " + p.getY() + ", outside France; point left empty");
				return null;
			}
			return p;
		}
		catch (RuntimeException e) {
			report.error(file, line, "coordxet",
					"coordinates " + x + ", " + y + " (" + epsg + ") do not project to a valid position");
			return null;
		}
	}

	/**
	 * A metropolitan establishment whose point falls in a commune of another département
	 * (overseas codes are left alone: their FINESS and INSEE département codes differ).
	 */
	static boolean inAnotherDepartement(String commune, String departement) {
		return departement.matches("\\d\\d|2[AB]") && !commune.startsWith("97") && !commune.startsWith(departement);
	}

	/**
	 * The fields with control characters removed (a NUL or a stray escape in a name),
	 * with one warning for the line.
	 */
	static List<String> withoutControlCharacters(List<String> fields, String file, long line, ImportReport report) {
		if (fields.stream().noneMatch(f -> f.chars().anyMatch(Character::isISOControl))) {
			return fields;
		}
		report.warn(file + ":" + line + ": control characters removed from the line");
		return fields.stream().map(f -> f.replaceAll("\\p{Cntrl}", "")).toList();
	}

	private static CoordinateTransform toWgs84(String epsg) {
		CRSFactory crs = new CRSFactory();
		return new CoordinateTransformFactory().createTransform(crs.createFromName(epsg),
				crs.createFromName("EPSG:4326"));
	}

	/**
	 * Inserts the legal entities not yet known (named after their number until an
	 * enrichment names them) and fills a missing SIREN from the establishments' SIRET.
	 * Returns FINESS EJ → organisation id.
	 */
	private Map<String, Long> upsertOrganisations(Iterable<Establishment> establishments) {
		Map<String, String> sirenByEj = new LinkedHashMap<>();
		for (Establishment e : establishments) {
			String ej = e.get("nofinessej");
			String siret = e.get("siret");
			if (!ej.isEmpty()) {
				String siren = siret.matches("\\d{14}") ? siret.substring(0, 9) : null;
				sirenByEj.merge(ej, siren == null ? "" : siren, (a, b) -> a.isEmpty() ? b : a);
			}
		}
		Map<String, Long> ids = Db.ids(jdbc, "SELECT finess_ej, id FROM organisation");
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		sirenByEj.forEach((ej, siren) -> {
			String s = siren.isEmpty() ? null : siren;
			if (ids.containsKey(ej)) {
				if (s != null) {
					updates.add(new Object[] { s, ej });
				}
			}
			else {
				inserts.add(new Object[] { ej, s, placeholderName(ej) });
			}
		});
		Db.batch(jdbc, "INSERT INTO organisation (finess_ej, siren, name) VALUES (?, ?, ?)", inserts);
		Db.batch(jdbc, "UPDATE organisation SET siren = COALESCE(siren, ?) WHERE finess_ej = ?", updates);
		return inserts.isEmpty() ? ids : Db.ids(jdbc, "SELECT finess_ej, id FROM organisation");
	}

	/**
	 * Name of an organisation known only by its FINESS EJ number (the Etalab ET extract
	 * does not name it).
	 */
	public static String placeholderName(String finessEj) {
		return "FINESS EJ " + finessEj;
	}

	private static String address(Establishment e) {
		String street = Stream.of(e.get("numvoie") + e.get("compvoie"), e.get("typvoie"), e.get("voie"))
			.filter(s -> !s.isBlank())
			.collect(Collectors.joining(" "));
		return blankToNull(Stream.of(street, e.get("lieuditbp"), e.get("compldistrib"))
			.filter(s -> !s.isBlank())
			.collect(Collectors.joining(", ")));
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	private static String abbreviate(String s) {
		return s.length() > 60 ? s.substring(0, 60) + "…" : s;
	}

}
