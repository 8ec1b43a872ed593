package fr.proxima.support;

import java.util.HashSet;
import java.util.Set;

import fr.proxima.importing.DirectoryImportReport;
import fr.proxima.importing.ImportReport;
import fr.proxima.importing.ImportService;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read-API contract over the real open data of {@code ../shared/data} (Lozère and its
 * neighbours), imported once per class and database.
 */
public abstract class SharedDataContract extends ReadApiContract {

	/**
	 * Classes whose store was emptied and filled from the shared folder (once per class
	 * and database).
	 */
	private static final Set<Class<?>> imported = new HashSet<>();

	@Autowired
	protected ImportService imports;

	/**
	 * Empties the store and imports the shared folder before the first test of this
	 * class: other test contexts on the same PostGIS database may have left rows of their
	 * own.
	 */
	@Override
	protected void fillStore() {
		if (imported.add(getClass())) {
			InventedPlaces.clear(jdbc);
			DirectoryImportReport report = imports.importDirectory(SharedData.root());
			assertThat(report.status()).as(report.toString()).isEqualTo(ImportReport.Status.SUCCEEDED);
		}
	}

}
