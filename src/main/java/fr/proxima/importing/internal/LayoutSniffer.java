package fr.proxima.importing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.proxima.importing.ImportKind;

/**
 * Recognises an import file by its content (first line of a CSV, properties of the first
 * GeoJSON feature), not by its name. Processed copies of official files (CSV/GeoJSON with
 * FINESS or population columns under other names) are not recognised on purpose: the
 * official layout of the same data is imported instead.
 */
public final class LayoutSniffer {

	/** What a file is: a kind to import, the crosswalk, or ignored with a reason. */
	public record Layout(ImportKind kind, boolean crosswalk, String ignoredBecause) {

		static Layout of(ImportKind kind) {
			return new Layout(kind, false, null);
		}

		static Layout ignored(String reason) {
			return new Layout(null, false, reason);
		}

	}

	private static final Pattern FIRST_PROPERTIES = Pattern.compile("\"properties\"\\s*:\\s*\\{([^}]*)}");

	private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]*)\"");

	private LayoutSniffer() {
	}

	public static Layout sniff(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		try {
			if (name.endsWith(".geojson") || name.endsWith(".json")) {
				return sniffGeoJson(head(file));
			}
			if (name.endsWith(".csv") || name.endsWith(".txt")) {
				return sniffCsv(TextFile.firstLine(file));
			}
		}
		catch (UncheckedIOException e) {
			return Layout.ignored("cannot be read: " + e.getCause().getMessage());
		}
		return Layout.ignored("not a CSV or GeoJSON file");
	}

	static Layout sniffCsv(String header) {
		if (FinessImporter.recognises(header)) {
			return Layout.of(ImportKind.FINESS);
		}
		if (PopulationImporter.recognises(header)) {
			return Layout.of(ImportKind.POPULATION);
		}
		if (Crosswalk.recognises(header)) {
			return new Layout(ImportKind.COMMUNES, true, null);
		}
		if (EhpadCapacityImporter.recognises(header)) {
			return Layout.of(ImportKind.EHPAD_CAPACITY);
		}
		if (OfferImporter.recognisesCsv(header)) {
			return Layout.of(ImportKind.OFFERS);
		}
		return Layout.ignored("CSV header not of a known layout");
	}

	static Layout sniffGeoJson(String head) {
		Matcher m = FIRST_PROPERTIES.matcher(head);
		if (!m.find()) {
			return Layout.ignored("no GeoJSON feature properties found");
		}
		String properties = m.group(1);
		if (properties.contains("\"nofinesset\"")) {
			return Layout.ignored("processed FINESS copy: the Etalab extract is imported instead");
		}
		if (OfferImporter.PROPERTIES.stream().allMatch(p -> properties.contains("\"" + p + "\""))) {
			return Layout.of(ImportKind.OFFERS);
		}
		Matcher code = CODE.matcher(properties);
		if (code.find() && properties.contains("\"nom\"")) {
			int length = code.group(1).length();
			if (length == 5) {
				return Layout.of(ImportKind.COMMUNES);
			}
			if (length == 2 || length == 3) {
				return Layout.of(ImportKind.DEPARTEMENTS);
			}
		}
		return Layout.ignored("GeoJSON properties not of a known layout");
	}

	private static String head(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + file, e);
		}
	}

}
