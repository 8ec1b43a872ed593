package fr.proxima.importing.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One line of a delimited text file (CSV with ',' or ';'), split into trimmed fields,
 * with RFC 4180 quoting: a field that starts with '"' runs to the matching closing quote,
 * may hold the separator, and a doubled quote inside it is one literal quote. A quote
 * inside a field that does not start with one is plain text, kept as it is. Every CSV
 * reader of the importers splits its lines here. Records spanning several lines are not
 * supported.
 */
public final class Delimited {

	private Delimited() {
	}

	public static List<String> split(String line, char separator) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c != '"') {
					field.append(c);
				}
				else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else {
					quoted = false;
				}
			}
			else if (c == '"' && field.toString().isBlank()) {
				field.setLength(0);
				quoted = true;
			}
			else if (c == separator) {
				fields.add(field.toString().trim());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString().trim());
		return fields;
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
