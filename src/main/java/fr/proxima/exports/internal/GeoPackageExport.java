package fr.proxima.exports.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.proxima.shared.Feature;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.attributes.AttributesColumn;
import mil.nga.geopackage.attributes.AttributesDao;
import mil.nga.geopackage.attributes.AttributesRow;
import mil.nga.geopackage.attributes.AttributesTableMetadata;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import mil.nga.sf.wkb.GeometryReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * A GeoPackage (OGC, SQLite) of one collection, written with NGA's library: one feature
 * table in EPSG:4326 named after the collection, and a {@code proxima_sources} attributes
 * table naming the sources and their dates.
 */
public final class GeoPackageExport {

	private GeoPackageExport() {
	}

	public static byte[] write(String table, List<Feature> features, Map<String, String> properties, String type,
			List<Sources.Source> sources) {
		Path dir = null;
		try {
			dir = Files.createTempDirectory("proxima-gpkg");
			File file = dir.resolve(table + ".gpkg").toFile();
			GeoPackageManager.create(file);
			GeoPackage gp = GeoPackageManager.open(file);
			try {
				features(gp, table, features, properties, type);
				sources(gp, sources);
			}
			finally {
				gp.close();
			}
			return Files.readAllBytes(file.toPath());
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException("GeoPackage export failed: " + e.getMessage(), e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			delete(dir);
		}
	}

	private static void features(GeoPackage gp, String table, List<Feature> features, Map<String, String> properties,
			String type) throws IOException, java.sql.SQLException {
		SpatialReferenceSystem srs = gp.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", 4326);
		GeometryColumns gc = new GeometryColumns();
		gc.setTableName(table);
		gc.setColumnName("geom");
		gc.setGeometryType(type.equals("Point") ? GeometryType.POINT : GeometryType.GEOMETRY);
		gc.setZ((byte) 0);
		gc.setM((byte) 0);
		gc.setSrs(srs);
		List<FeatureColumn> columns = new ArrayList<>();
		properties.forEach(
				(name, t) -> columns.add(FeatureColumn.createColumn(name.equals("id") ? "offer_id" : name, switch (t) {
					case "integer" -> GeoPackageDataType.INTEGER;
					case "number" -> GeoPackageDataType.DOUBLE;
					case "boolean" -> GeoPackageDataType.BOOLEAN;
					case "date" -> GeoPackageDataType.DATE;
					default -> GeoPackageDataType.TEXT;
				})));
		gp.createFeatureTable(FeatureTableMetadata.create(gc, "fid", columns, new BoundingBox(-180, -90, 180, 90)));
		FeatureDao dao = gp.getFeatureDao(table);
		WKBWriter wkb = new WKBWriter();
		gp.beginTransaction();
		try {
			for (Feature f : features) {
				FeatureRow row = dao.newRow();
				if (f.geometry() != null) {
					row.setGeometry(GeoPackageGeometryData.createAndBuildEnvelope(srs.getSrsId(),
							GeometryReader.readGeometry(wkb.write(f.geometry()))));
				}
				properties.forEach((name, t) -> {
					Object v = f.properties().get(name);
					if (v != null) {
						row.setValue(name.equals("id") ? "offer_id" : name, t.equals("date") ? v.toString() : v);
					}
				});
				dao.insert(row);
			}
			gp.endTransaction(true);
		}
		catch (RuntimeException e) {
			gp.endTransaction(false);
			throw e;
		}
	}

	private static void sources(GeoPackage gp, List<Sources.Source> sources) {
		List<AttributesColumn> columns = List.of(AttributesColumn.createColumn("name", GeoPackageDataType.TEXT),
				AttributesColumn.createColumn("licence", GeoPackageDataType.TEXT),
				AttributesColumn.createColumn("date", GeoPackageDataType.TEXT),
				AttributesColumn.createColumn("gives", GeoPackageDataType.TEXT));
		gp.createAttributesTable(AttributesTableMetadata.create("proxima_sources", columns));
		AttributesDao dao = gp.getAttributesDao("proxima_sources");
		for (Sources.Source s : sources) {
			AttributesRow row = dao.newRow();
			row.setValue("name", s.name());
			row.setValue("licence", s.licence());
			row.setValue("date", s.date());
			row.setValue("gives", s.gives());
			dao.insert(row);
		}
	}

	private static void delete(Path dir) {
		if (dir == null) {
			return;
		}
		try (var files = Files.walk(dir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException e) {
			// a temporary folder left behind is harmless
		}
	}

}
