package fr.proxima.importing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * French départements: their code derived from a commune code, their names (data in
 * {@code gis/departements.csv}), and the rows the commune table needs before its foreign
 * key accepts a commune.
 */
public final class Departements {

	private static final Map<String, String> NAMES = load();

	private Departements() {
	}

	/**
	 * "48" for 48095, "2A" for 2A004, "974" for 97411 (overseas départements have 3
	 * digits).
	 */
	public static String codeOf(String communeCode) {
		return communeCode.startsWith("97") ? communeCode.substring(0, 3) : communeCode.substring(0, 2);
	}

	public static String nameOf(String code) {
		return NAMES.getOrDefault(code, "Département " + code);
	}

	/**
	 * Inserts a row, without polygon, for every département code not yet in the store.
	 */
	public static void ensure(JdbcTemplate jdbc, Set<String> codes) {
		Set<String> missing = new TreeSet<>(codes);
		missing.removeAll(jdbc.queryForList("SELECT code FROM departement", String.class));
		Db.batch(jdbc, "INSERT INTO departement (code, name) VALUES (?, ?)",
				missing.stream().map(c -> new Object[] { c, nameOf(c) }).toList());
	}

	private static Map<String, String> load() {
		try (InputStream in = Departements.class.getResourceAsStream("/gis/departements.csv")) {
			if (in == null) {
				throw new IllegalStateException("gis/departements.csv is missing from the classpath");
			}
			Map<String, String> names = new HashMap<>();
			List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
			for (String line : lines) {
				List<String> f = Delimited.split(line, ',');
				names.put(f.get(0), f.get(1));
			}
			return names;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
