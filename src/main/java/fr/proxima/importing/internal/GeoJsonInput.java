package fr.proxima.importing.internal;

import java.nio.file.Path;
import java.util.List;

import fr.proxima.importing.ImportReport;

/**
 * Reads a GeoJSON import file, turning a file that is not GeoJSON into a report error.
 */
final class GeoJsonInput {

	private GeoJsonInput() {
	}

	/**
	 * The features of the file, or an empty list after reporting why the file could not
	 * be read.
	 */
	static List<GeoJsonFile.GeoFeature> read(Path file, ImportReport report) {
		report.addFile(file.toString());
		try {
			return GeoJsonFile.read(file);
		}
		catch (IllegalArgumentException e) {
			report.error(file.getFileName().toString(), null, null, "wrong layout: " + e.getMessage());
			return List.of();
		}
	}

}
