package fr.proxima.importing.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.proxima.importing.ImportReport;
import fr.proxima.shared.Geo;
import org.locationtech.jts.geom.MultiPolygon;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Département polygons from GeoJSON features with {@code code} and {@code nom}
 * properties; upserts by code.
 */
@Component
public class DepartementImporter {

	private final JdbcTemplate jdbc;

	DepartementImporter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void run(List<Path> files, ImportReport report) {
		List<Db.Keyed> rows = new ArrayList<>();
		for (Path file : files) {
			String name = file.getFileName().toString();
			for (GeoJsonFile.GeoFeature f : GeoJsonInput.read(file, report)) {
				report.read();
				String code = f.text("code");
				MultiPolygon geom = Geo.toMultiPolygon(f.geometry());
				if (!code.matches("\\d\\d|2[AB]|97\\d")) {
					report.error(name, f.number(), "code", "invalid département code '" + code + "'");
				}
				else if (geom == null) {
					report.error(name, f.number(), "geometry", "expected a Polygon or MultiPolygon");
				}
				else {
					String nom = f.text("nom");
					rows.add(new Db.Keyed(code,
							new Object[] { nom.isEmpty() ? Departements.nameOf(code) : nom, Db.wkb(geom), code }));
				}
			}
		}
		if (!report.failed()) {
			Db.upsert(jdbc, Db.keys(jdbc, "SELECT code FROM departement"), rows,
					"INSERT INTO departement (name, geom, code) VALUES (?, " + Db.GEOM + ", ?)",
					"UPDATE departement SET name = ?, geom = " + Db.GEOM + " WHERE code = ?", report);
		}
	}

}
