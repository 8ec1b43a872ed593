package fr.proxima.exports.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.proxima.shared.ReadSql;
import org.springframework.stereotype.Component;

/**
 * The sources behind each export and their dates, read from the store: the offers' source
 * names with their source dates (e.g. FINESS and its extract date), the COG vintage of
 * the communes and the census year of the population. The store does not record the date
 * of boundary files: départements name their publisher only.
 */
@Component
public class Sources {

	private final ReadSql sql;

	Sources(ReadSql sql) {
		this.sql = sql;
	}

	/** One source: name, licence, date (ISO, or a year) and what it gives. */
	public record Source(String name, String licence, String date, String gives) {
	}

	public List<Source> of(String collection) {
		List<Source> out = new ArrayList<>();
		switch (collection) {
			case "offers" -> out.addAll(offers());
			case "communes" -> {
				out.addAll(cog());
				out.addAll(census());
				out.addAll(offers());
			}
			case "departements" -> {
				out.add(new Source("Contours administratifs des départements (Etalab, from IGN Admin Express)",
						"Licence Ouverte 2.0", null, "département boundaries (the store keeps no file date)"));
				out.addAll(census());
			}
			default -> out.addAll(offers());
		}
		return out;
	}

	public Map<String, Object> asMap(String collection) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("collection", collection);
		m.put("sources", of(collection));
		return m;
	}

	private List<Source> offers() {
		return sql.jdbc()
			.getJdbcTemplate()
			.query("SELECT source_name, MAX(source_date) AS d, COUNT(*) AS n FROM offer GROUP BY source_name"
					+ " ORDER BY source_name",
					(rs, i) -> new Source(rs.getString("source_name"),
							"FINESS".equalsIgnoreCase(rs.getString("source_name")) ? "Licence Ouverte 2.0 (Etalab)"
									: "as published by the source",
							rs.getDate("d") == null ? null : rs.getDate("d").toLocalDate().toString(),
							rs.getLong("n") + " offers"));
	}

	private List<Source> cog() {
		return sql.jdbc()
			.getJdbcTemplate()
			.query("SELECT cog_year, COUNT(*) AS n FROM commune GROUP BY cog_year ORDER BY cog_year",
					(rs, i) -> new Source("Communes of the official geographic code (COG), boundaries IGN / Etalab",
							"Licence Ouverte 2.0", String.valueOf(rs.getInt("cog_year")),
							rs.getLong("n") + " communes"));
	}

	private List<Source> census() {
		return sql.jdbc()
			.getJdbcTemplate()
			.query("SELECT census_year, COUNT(*) AS n FROM population GROUP BY census_year ORDER BY census_year",
					(rs, i) -> new Source("INSEE, recensement de la population (base-cc)", "Licence Ouverte 2.0",
							String.valueOf(rs.getInt("census_year")), rs.getLong("n") + " communes' population"));
	}

}
