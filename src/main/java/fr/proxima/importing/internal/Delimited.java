package fr.proxima.importing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One line of a delimited text file (CSV with ',' or ';'), split into trimmed fields by
 * Apache Commons CSV with RFC 4180 quoting: a field that starts with '"' (after spaces)
 * runs to the matching closing quote, may hold the separator, and a doubled quote inside
 * it is one literal quote. A quote inside a field that does not start with one is plain
 * text, kept as it is; text after a closing quote and a quote left open at the end of the
 * line are kept too, as published. Every CSV reader of the importers splits its lines
 * here, so that each error names its line. Records spanning several lines are not
 * supported.
 */
public final class Delimited {

	private static final CSVFormat SEMICOLONS = format(';');

	private static final CSVFormat COMMAS = format(',');

	private Delimited() {
	}

	private static CSVFormat format(char separator) {
		return CSVFormat.RFC4180.builder()
			.setDelimiter(separator)
			.setIgnoreSurroundingSpaces(true)
			.setTrim(true)
			.setTrailingData(true)
			.setLenientEof(true)
			.get();
	}

	public static List<String> split(String line, char separator) {
		CSVFormat format = switch (separator) {
			case ';' -> SEMICOLONS;
			case ',' -> COMMAS;
			default -> format(separator);
		};
		try (CSVParser parser = CSVParser.parse(line, format)) {
			Iterator<CSVRecord> records = parser.iterator();
			return records.hasNext() ? records.next().toList() : List.of("");
		}
		catch (IOException | UncheckedIOException e) {
			throw new IllegalStateException("Unreadable delimited line: " + e.getMessage(), e);
		}
	}

	/** ';' when the header line has more semicolons than commas, ',' otherwise. */
	public static char separatorOf(String headerLine) {
		long semicolons = headerLine.chars().filter(c -> c == ';').count();
		long commas = headerLine.chars().filter(c -> c == ',').count();
		return semicolons > commas ? ';' : ',';
	}

	/** Column positions of a header line, looked up by case-insensitive name. */
	public record Header(List<String> names, Map<String, Integer> index) {

		public static Header of(List<String> names) {
			Map<String, Integer> index = new HashMap<>();
			for (int i = 0; i < names.size(); i++) {
				index.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), i);
			}
			return new Header(names, index);
		}

		public boolean has(String name) {
			return index.containsKey(name.toLowerCase(Locale.ROOT));
		}

		/**
		 * The value of a column in a row; "" when the column is absent from the header or
		 * the row is short.
		 */
		public String get(List<String> row, String name) {
			Integer i = index.get(name.toLowerCase(Locale.ROOT));
			return i == null || i >= row.size() ? "" : row.get(i);
		}

	}

}
