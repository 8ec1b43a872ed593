package fr.proxima.importing.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.proxima.importing.ImportReport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * INSEE population by commune in the "base-cc" layout: ';'-separated, {@code CODGEO},
 * then {@code P<yy>_POP}, {@code P<yy>_POP75P} and {@code P<yy>_POP85P} picked by name
 * for the latest vintage {@code yy} present (census year 20yy). Values may be decimals
 * (INSEE publishes weighted counts): they are rounded. Upserts by commune code.
 */
@Component
public class PopulationImporter {

	private static final Pattern TOTAL = Pattern.compile("P(\\d\\d)_POP", Pattern.CASE_INSENSITIVE);

	private final JdbcTemplate jdbc;

	PopulationImporter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** True when a header line has CODGEO and a P&lt;yy&gt;_POP column. */
	public static boolean recognises(String headerLine) {
		List<String> names = Delimited.split(headerLine, Delimited.separatorOf(headerLine));
		return names.stream().anyMatch("CODGEO"::equalsIgnoreCase)
				&& names.stream().anyMatch(n -> TOTAL.matcher(n).matches());
	}

	public void run(List<Path> files, ImportReport report) {
		List<Db.Keyed> rows = new ArrayList<>();
		for (Path file : files) {
			read(TextFile.read(file), rows, report);
		}
		if (!report.failed()) {
			Db.upsert(jdbc, Db.keys(jdbc, "SELECT commune_code FROM population"), rows,
					"INSERT INTO population (census_year, total, aged_75_plus, aged_85_plus, commune_code)"
							+ " VALUES (?, ?, ?, ?, ?)",
					"UPDATE population SET census_year = ?, total = ?, aged_75_plus = ?, aged_85_plus = ?"
							+ " WHERE commune_code = ?",
					report);
		}
	}

	private static void read(TextFile text, List<Db.Keyed> rows, ImportReport report) {
		report.addFile(text.path().toString());
		String file = text.name();
		String headerLine = text.lines().isEmpty() ? "" : text.lines().get(0);
		if (!recognises(headerLine)) {
			report.error(file, 1L, null, "wrong layout: expected an INSEE base-cc header with CODGEO and P<yy>_POP,"
					+ " P<yy>_POP75P, P<yy>_POP85P columns");
			return;
		}
		char sep = Delimited.separatorOf(headerLine);
		List<String> names = Delimited.split(headerLine, sep);
		Delimited.Header header = Delimited.Header.of(names);
		String yy = names.stream()
			.map(TOTAL::matcher)
			.filter(Matcher::matches)
			.map(m -> m.group(1))
			.max(String::compareTo)
			.orElseThrow();
		String total = "P" + yy + "_POP";
		String aged75 = "P" + yy + "_POP75P";
		String aged85 = "P" + yy + "_POP85P";
		int censusYear = 2000 + Integer.parseInt(yy);
		for (int i = 1; i < text.lines().size(); i++) {
			String line = text.lines().get(i);
			if (line.isBlank()) {
				continue;
			}
			long lineNo = i + 1;
			report.read();
			List<String> row = Delimited.split(line, sep);
			if (row.size() < names.size()) {
				report.error(file, lineNo, names.get(row.size()),
						"truncated line: " + row.size() + " fields, expected " + names.size());
				continue;
			}
			String code = header.get(row, "CODGEO");
			if (!code.matches("\\d[\\dAB]\\d{3}")) {
				report.error(file, lineNo, "CODGEO", "invalid INSEE commune code '" + code + "'");
				continue;
			}
			Integer pop = count(header, row, total, true, file, lineNo, report);
			Integer p75 = count(header, row, aged75, false, file, lineNo, report);
			Integer p85 = count(header, row, aged85, false, file, lineNo, report);
			if (pop != null) {
				rows.add(new Db.Keyed(code, new Object[] { censusYear, pop, p75, p85, code }));
			}
		}
	}

	/**
	 * A rounded count; null when optional and empty or absent, or after reporting a
	 * non-numeric value.
	 */
	private static Integer count(Delimited.Header header, List<String> row, String column, boolean required,
			String file, long line, ImportReport report) {
		String value = header.get(row, column);
		if (value.isEmpty()) {
			if (required) {
				report.error(file, line, column, "missing value");
			}
			return null;
		}
		try {
			return (int) Math.round(Double.parseDouble(value.replace(',', '.')));
		}
		catch (NumberFormatException e) {
			report.error(file, line, column, "not a number: '" + value + "'");
			return null;
		}
	}

}
