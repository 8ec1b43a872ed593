package fr.proxima.territory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import fr.proxima.shared.Geo;
import fr.proxima.shared.InvalidInputException;
import fr.proxima.shared.ReadSql;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Finds communes by what people type: a name prefix (accents, case, hyphens and
 * apostrophes ignored), an INSEE code or a postcode. The store holds no postcode
 * reference, so a postcode is found through the postal codes of the offers located in the
 * communes (FINESS addresses): a postcode without any offer is not found.
 */
@Service
class PlaceSearch {

	static final int MAX_LIMIT = 20;

	static final int MAX_TEXT = 100;

	private static final Pattern FIVE_CHARACTER_CODE = Pattern.compile("[0-9]{2}[0-9AB][0-9]{2}");

	/** Accented letters folded on the SQL side: TRANSLATE exists on both databases. */
	private static final String FOLD_FROM = "àâäáãéèêëíìîïóòôöõúùûüçÿñœ-'’";

	private static final String FOLD_TO = "aaaaaeeeeiiiiooooouuuucyno   ";

	private static final String FOLDED_NAME = "TRANSLATE(LOWER(c.name), :foldFrom, :foldTo)";

	private static final String SELECT = "SELECT c.code, c.name, c.departement_code, ST_X(c.rep_point) AS lon,"
			+ " ST_Y(c.rep_point) AS lat, ST_XMin(c.geom) AS min_lon, ST_YMin(c.geom) AS min_lat,"
			+ " ST_XMax(c.geom) AS max_lon, ST_YMax(c.geom) AS max_lat, p.total,"
			+ " (SELECT MIN(o.postal_code) FROM offer o WHERE o.commune_code = c.code) AS postcode_min,"
			+ " (SELECT MAX(o.postal_code) FROM offer o WHERE o.commune_code = c.code) AS postcode_max"
			+ " FROM commune c LEFT JOIN population p ON p.commune_code = c.code WHERE ";

	private final NamedParameterJdbcTemplate jdbc;

	PlaceSearch(ReadSql sql) {
		this.jdbc = sql.jdbc();
	}

	/**
	 * Communes matching {@code text}: codes first, then names, most populated first.
	 */
	List<PlaceView> search(String text, int limit) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("q is required: a commune name, postcode or INSEE code");
		}
		if (text.length() > MAX_TEXT) {
			throw new InvalidInputException("q is too long: at most " + MAX_TEXT + " characters");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidInputException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
		}
		String q = text.trim().toUpperCase(Locale.ROOT);
		Map<String, PlaceView> found = new LinkedHashMap<>();
		MapSqlParameterSource params = new MapSqlParameterSource("foldFrom", FOLD_FROM).addValue("foldTo", FOLD_TO)
			.addValue("limit", limit);
		if (FIVE_CHARACTER_CODE.matcher(q).matches()) {
			params.addValue("code", q);
			query(SELECT + "c.code = :code", params, "insee", found);
			query(SELECT + "c.code IN (SELECT o.commune_code FROM offer o WHERE o.postal_code = :code)"
					+ " ORDER BY p.total DESC NULLS LAST, c.name", params, "postcode", found);
		}
		params.addValue("exact", fold(text)).addValue("prefix", escapeLike(fold(text)) + "%");
		query(SELECT + FOLDED_NAME + " LIKE :prefix ESCAPE '\\' ORDER BY CASE WHEN " + FOLDED_NAME
				+ " = :exact THEN 0 ELSE 1 END, p.total DESC NULLS LAST, c.name LIMIT :limit", params, "name", found);
		return found.values().stream().limit(limit).toList();
	}

	private void query(String sql, MapSqlParameterSource params, String matchedBy, Map<String, PlaceView> found) {
		jdbc.query(sql, params, (rs, i) -> {
			List<String> postcodes = new ArrayList<>();
			for (String column : List.of("postcode_min", "postcode_max")) {
				String postcode = rs.getString(column);
				if (postcode != null && !postcodes.contains(postcode)) {
					postcodes.add(postcode);
				}
			}
			return new PlaceView(rs.getString("code"), rs.getString("name"), rs.getString("departement_code"),
					matchedBy, postcodes, Geo.point(rs.getDouble("lon"), rs.getDouble("lat")),
					new double[] { rs.getDouble("min_lon"), rs.getDouble("min_lat"), rs.getDouble("max_lon"),
							rs.getDouble("max_lat") });
		}).forEach(place -> found.putIfAbsent(place.code(), place));
	}

	/**
	 * Lower case without diacritics, hyphens and apostrophes as spaces: "Saint-Chély" and
	 * "saint chely" are the same prefix.
	 */
	static String fold(String text) {
		String plain = Normalizer.normalize(text.trim(), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replace("œ", "o");
		return String.join(" ", Arrays.stream(plain.split("[\\s\\-'’]+")).filter(s -> !s.isEmpty()).toList());
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
