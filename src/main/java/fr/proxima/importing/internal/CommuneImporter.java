package fr.proxima.importing.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.proxima.importing.ImportReport;
import fr.proxima.shared.Geo;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Commune boundaries from GeoJSON features with {@code code} and {@code nom} properties
 * (IGN-derived files, geo.api.gouv.fr). With a crosswalk, older codes land on the
 * crosswalk's target vintage: communes merged since are dissolved into one polygon. A
 * {@code split} polygon (one old commune re-created as several) cannot be divided: it is
 * kept whole under the first target code, and the report warns that the other communes
 * have no polygon.
 */
@Component
public class CommuneImporter {

	/**
	 * Simplification tolerance of the display geometry, in degrees (about 80 m at 45° N).
	 */
	static final double DISPLAY_TOLERANCE = 0.001;

	/**
	 * Snapping grid of the dissolve, in degrees (1e-5°, about 1 m): the source files keep
	 * 5 decimals.
	 */
	private static final PrecisionModel DISSOLVE_GRID = new PrecisionModel(1e5);

	private final JdbcTemplate jdbc;

	CommuneImporter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	private static final class Target {

		String name;

		final List<Geometry> parts = new ArrayList<>();

	}

	/**
	 * @param crosswalk applied to every file when not null
	 * @param cogYear COG vintage of the codes when there is no crosswalk (the crosswalk's
	 * target year otherwise)
	 */
	public void run(List<Path> files, Crosswalk crosswalk, int cogYear, ImportReport report) {
		int year = crosswalk == null ? cogYear : crosswalk.toYear();
		Map<String, Target> targets = new LinkedHashMap<>();
		for (Path file : files) {
			String fileName = file.getFileName().toString();
			for (GeoJsonFile.GeoFeature f : GeoJsonInput.read(file, report)) {
				report.read();
				String code = f.text("code");
				String name = f.text("nom");
				Geometry geom = f.geometry();
				if (!code.matches("\\d[\\dAB]\\d{3}")) {
					report.error(fileName, f.number(), "code", "invalid INSEE commune code '" + code + "'");
					continue;
				}
				if (geom == null || Geo.toMultiPolygon(geom) == null) {
					report.error(fileName, f.number(), "geometry", "expected a Polygon or MultiPolygon");
					continue;
				}
				String targetCode = code;
				if (crosswalk != null) {
					Crosswalk.Entry entry = crosswalk.entries().get(code);
					if (entry == null) {
						report.warn(fileName + ": commune " + code + " is not in " + crosswalk.file() + ", kept as is");
					}
					else {
						targetCode = entry.codes().get(0);
						name = entry.names().get(0);
						if (entry.codes().size() > 1) {
							report.warn(fileName + ": the " + crosswalk.fromYear() + " polygon of " + code
									+ " now covers communes " + String.join(", ", entry.codes())
									+ "; it is kept whole under " + targetCode + " and the others get no polygon");
						}
					}
				}
				if (name.isEmpty()) {
					report.error(fileName, f.number(), "nom", "missing commune name");
					continue;
				}
				Target t = targets.computeIfAbsent(targetCode, k -> new Target());
				t.name = name;
				t.parts.add(geom);
			}
		}
		if (report.failed()) {
			return;
		}
		Departements.ensure(jdbc, targets.keySet().stream().map(Departements::codeOf).collect(Collectors.toSet()));
		List<Db.Keyed> rows = new ArrayList<>(targets.size());
		targets.forEach((code, t) -> {
			MultiPolygon geom = dissolve(t.parts);
			Geometry display = Geo.withSrid(TopologyPreservingSimplifier.simplify(geom, DISPLAY_TOLERANCE));
			rows.add(new Db.Keyed(code, new Object[] { t.name, Departements.codeOf(code), year, Db.wkb(geom),
					Db.wkb(display), Db.wkb(geom.getInteriorPoint()), code }));
		});
		Db.upsert(jdbc, Db.keys(jdbc, "SELECT code FROM commune"), rows,
				"INSERT INTO commune (name, departement_code, cog_year, geom, display_geom, rep_point, code)"
						+ " VALUES (?, ?, ?, " + Db.GEOM + ", " + Db.GEOM + ", " + Db.GEOM + ", ?)",
				"UPDATE commune SET name = ?, departement_code = ?, cog_year = ?, geom = " + Db.GEOM
						+ ", display_geom = " + Db.GEOM + ", rep_point = " + Db.GEOM + " WHERE code = ?",
				report);
	}

	private static MultiPolygon dissolve(List<Geometry> parts) {
		if (parts.size() == 1) {
			return Geo.toMultiPolygon(parts.get(0));
		}
		Geometry union = UnaryUnionNG.union(Geo.FACTORY.buildGeometry(parts), DISSOLVE_GRID);
		// a union can leave slivers of lower dimension: keep its polygons only
		return Geo.toMultiPolygon(Geo.FACTORY.buildGeometry(PolygonExtracter.getPolygons(union)));
	}

}
