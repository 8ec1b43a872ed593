package fr.proxima.importing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.proxima.offers.Audience;
import fr.proxima.offers.Family;

/**
 * The FINESS category → Proxima family and audience mapping, kept as data in
 * {@code gis/finess_categories.csv}.
 */
public final class FinessCategories {

	public static final String RESOURCE = "/gis/finess_categories.csv";

	public record Mapping(String code, String label, Family family, Audience audience) {
	}

	private final Map<String, Mapping> byCode;

	private FinessCategories(Map<String, Mapping> byCode) {
		this.byCode = byCode;
	}

	public static FinessCategories load() {
		try (InputStream in = FinessCategories.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the classpath");
			}
			List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
			Delimited.Header header = Delimited.Header.of(Delimited.split(lines.get(0), ','));
			Map<String, Mapping> byCode = new LinkedHashMap<>();
			for (String line : lines.subList(1, lines.size())) {
				List<String> row = Delimited.split(line, ',');
				String code = header.get(row, "categetab");
				byCode.put(code, new Mapping(code, header.get(row, "libcategetab"),
						Family.fromCode(header.get(row, "family")), Audience.fromCode(header.get(row, "audience"))));
			}
			return new FinessCategories(byCode);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The mapping of a category, or null when the category is not in the table. */
	public Mapping find(String code) {
		return byCode.get(code);
	}

	public Map<String, Mapping> all() {
		return byCode;
	}

}
