package fr.proxima.importing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * On start, fills an empty store from the configured data folder
 * ({@code proxima.import.data-dir}, env {@code PROXIMA_DATA_DIR}); without one, the store
 * stays empty and the log says how to import. It runs once every bean exists and before
 * the context starts its lifecycle beans, the web server among them: no request is served
 * before the import is over.
 */
@Component
class FirstStart implements SmartInitializingSingleton {

	static final String HOW_TO_IMPORT = "The store is empty. To fill it, set PROXIMA_DATA_DIR to a folder of open data"
			+ " (e.g. one filled by gis/fetch-open-data.sh 48) and restart, or run"
			+ " 'java -jar target/proxima.jar import-dir <folder>' (see docs/importing.md).";

	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

	private final ImportSettings settings;

	private final StoreStatus status;

	private final ImportService imports;

	private final ApplicationArguments args;

	FirstStart(ImportSettings settings, StoreStatus status, ImportService imports, ApplicationArguments args) {
		this.settings = settings;
		this.status = status;
		this.imports = imports;
		this.args = args;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (ImportCommand.isImportCommand(args.getSourceArgs())) {
			return;
		}
		Path folder = settings.dataFolder();
		StoreStatus.Counts counts = status.counts();
		if (!counts.empty()) {
			log.info("Store holds {} communes and {} offers{}", counts.communes(), counts.offers(),
					folder == null ? "" : "; the data folder " + folder + " is imported only into an empty store");
		}
		else if (folder == null) {
			log.warn(HOW_TO_IMPORT);
		}
		else if (!Files.isDirectory(folder)) {
			log.error("PROXIMA_DATA_DIR {} is not a folder; starting with an empty store", folder.toAbsolutePath());
		}
		else {
			DirectoryImportReport report = imports.importDirectory(folder);
			if (report.status() == ImportReport.Status.FAILED) {
				log.error("First-start import of {} failed and was rolled back; the store stays empty. Errors: {}",
						folder, report.error() != null ? report.error()
								: report.steps().stream().flatMap(s -> s.getErrors().stream()).limit(10).toList());
			}
		}
	}

}
