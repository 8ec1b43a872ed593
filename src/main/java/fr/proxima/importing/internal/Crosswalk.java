package fr.proxima.importing.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.proxima.importing.ImportReport;

/**
 * A commune code crosswalk between two COG vintages, as in
 * {@code communes_2018_to_cog2026_*.csv}: columns {@code code_<from>},
 * {@code code_cog<to>}, {@code nom_cog<to>} and {@code relation}. For a {@code split} the
 * target code and name columns hold '|'-separated lists.
 */
public record Crosswalk(String file, int fromYear, int toYear, Map<String, Entry> entries) {

	private static final Pattern FROM = Pattern.compile("code_(\\d{4})");

	private static final Pattern TO = Pattern.compile("code_cog(\\d{4})");

	public record Entry(List<String> codes, List<String> names, String relation) {
	}

	/** True when a header line is a crosswalk's. */
	public static boolean recognises(String headerLine) {
		List<String> names = Delimited.split(headerLine, Delimited.separatorOf(headerLine));
		return names.stream().anyMatch(n -> FROM.matcher(n).matches())
				&& names.stream().anyMatch(n -> TO.matcher(n).matches());
	}

	/** Reads a crosswalk; null after reporting an error when the file is not one. */
	public static Crosswalk read(Path path, ImportReport report) {
		TextFile text = TextFile.read(path);
		report.addFile(path.toString());
		if (text.lines().isEmpty() || !recognises(text.lines().get(0))) {
			report.error(text.name(), 1L, null, "wrong layout: expected a crosswalk header with columns "
					+ "code_<year>, code_cog<year>, nom_cog<year> and relation");
			return null;
		}
		char sep = Delimited.separatorOf(text.lines().get(0));
		List<String> names = Delimited.split(text.lines().get(0), sep);
		Delimited.Header header = Delimited.Header.of(names);
		String from = names.stream().filter(n -> FROM.matcher(n).matches()).findFirst().orElseThrow();
		String to = names.stream().filter(n -> TO.matcher(n).matches()).findFirst().orElseThrow();
		Matcher toYear = TO.matcher(to);
		toYear.matches();
		String toName = "nom_cog" + toYear.group(1);
		Map<String, Entry> entries = new HashMap<>();
		for (int i = 1; i < text.lines().size(); i++) {
			String line = text.lines().get(i);
			if (line.isBlank()) {
				continue;
			}
			List<String> row = Delimited.split(line, sep);
			String source = header.get(row, from);
			List<String> codes = List.of(header.get(row, to).split("\\|"));
			if (source.isEmpty() || codes.get(0).isEmpty()) {
				report.error(text.name(), (long) i + 1, source.isEmpty() ? from : to, "missing commune code");
				continue;
			}
			entries.put(source,
					new Entry(codes, List.of(header.get(row, toName).split("\\|")), header.get(row, "relation")));
		}
		Matcher fromYear = FROM.matcher(from);
		fromYear.matches();
		return new Crosswalk(text.name(), Integer.parseInt(fromYear.group(1)), Integer.parseInt(toYear.group(1)),
				entries);
	}

	/**
	 * Whether a boundary file is of this crosswalk's source vintage, judged by its name
	 * carrying the source year (e.g. {@code communes-12-aveyron_2018.geojson}). Used by
	 * the folder import only.
	 */
	public boolean appliesTo(Path boundaryFile) {
		String name = boundaryFile.getFileName().toString();
		return name.matches(".*(?<!\\d)" + fromYear + "(?!\\d).*") && !name.contains("cog" + toYear);
	}

}
