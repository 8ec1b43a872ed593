package fr.proxima.territory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import fr.proxima.shared.Feature;
import fr.proxima.shared.Geo;
import fr.proxima.shared.InvalidInputException;
import fr.proxima.shared.NotFoundException;
import fr.proxima.shared.ReadSql;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/** Read access to départements and communes with their population. */
@Service
class CommuneDirectory {

	private static final Pattern DEPARTEMENT_CODE = Pattern.compile("[0-9]{2,3}|2[AB]");

	private static final String SELECT = "SELECT c.code, c.name, c.departement_code, c.cog_year,"
			+ " ST_X(c.rep_point) AS rep_lon, ST_Y(c.rep_point) AS rep_lat, p.total, p.aged_75_plus, p.aged_85_plus,"
			+ " p.census_year, %s AS geometry_wkb FROM commune c LEFT JOIN population p ON p.commune_code = c.code";

	static final double BORDER_TOLERANCE = 0.002;

	private final NamedParameterJdbcTemplate jdbc;

	CommuneDirectory(ReadSql sql) {
		this.jdbc = sql.jdbc();
	}

	List<DepartementView> departements() {
		return jdbc.query(
				"SELECT d.code, d.name, (SELECT COUNT(*) FROM commune c WHERE c.departement_code = d.code)"
						+ " AS communes FROM departement d ORDER BY d.code",
				new MapSqlParameterSource(),
				(rs, i) -> new DepartementView(rs.getString("code"), rs.getString("name"), rs.getLong("communes")));
	}

	/**
	 * The départements that have a polygon, simplified for drawing as borders on a map
	 * (tolerance {@value #BORDER_TOLERANCE}°, topology kept).
	 */
	List<Feature> departementBorders() {
		return jdbc.query(
				"SELECT code, name, ST_AsBinary(ST_SimplifyPreserveTopology(geom, " + BORDER_TOLERANCE
						+ ")) AS wkb FROM departement WHERE geom IS NOT NULL ORDER BY code",
				new MapSqlParameterSource(), (rs, i) -> Feature.of(rs.getString("code"),
						Geo.fromWkb(rs.getBytes("wkb")), Map.of("name", rs.getString("name"))));
	}

	/**
	 * The communes of a département by code, with their display geometry when asked for.
	 */
	List<CommuneView> communes(String departement, boolean withGeometry) {
		if (departement == null || !DEPARTEMENT_CODE.matcher(departement).matches()) {
			throw new InvalidInputException("Invalid departement '" + departement + "': expected a code such as 48");
		}
		MapSqlParameterSource params = new MapSqlParameterSource("departement", departement);
		Long known = jdbc.queryForObject("SELECT COUNT(*) FROM departement WHERE code = :departement", params,
				Long.class);
		if (known == 0) {
			throw new NotFoundException("No département " + departement);
		}
		return jdbc.query(select(withGeometry) + " WHERE c.departement_code = :departement ORDER BY c.code", params,
				(rs, i) -> commune(rs));
	}

	CommuneView commune(String code) {
		List<CommuneView> found = jdbc.query(select(true) + " WHERE c.code = :code",
				new MapSqlParameterSource("code", code), (rs, i) -> commune(rs));
		if (found.isEmpty()) {
			throw new NotFoundException("No commune with INSEE code " + code);
		}
		return found.get(0);
	}

	private static String select(boolean withGeometry) {
		return SELECT.formatted(withGeometry ? "ST_AsBinary(c.display_geom)" : "NULL");
	}

	private static CommuneView commune(ResultSet rs) throws SQLException {
		int total = rs.getInt("total");
		CommuneView.PopulationFigures population = rs.wasNull() ? null : new CommuneView.PopulationFigures(total,
				integer(rs, "aged_75_plus"), integer(rs, "aged_85_plus"), rs.getInt("census_year"));
		return new CommuneView(rs.getString("code"), rs.getString("name"), rs.getString("departement_code"),
				rs.getInt("cog_year"), population, Geo.point(rs.getDouble("rep_lon"), rs.getDouble("rep_lat")),
				Geo.fromWkb(rs.getBytes("geometry_wkb")));
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}

}
