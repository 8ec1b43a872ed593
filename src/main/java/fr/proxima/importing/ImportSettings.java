package fr.proxima.importing;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Import settings.
 *
 * @param dataDir folder imported at start when the store is empty (none: start empty)
 * @param cogYear COG vintage given to commune codes read without a crosswalk
 */
@ConfigurationProperties("proxima.import")
public record ImportSettings(String dataDir, int cogYear) {

	/** The configured data folder, or null when none is set. */
	public Path dataFolder() {
		return dataDir == null || dataDir.isBlank() ? null : Path.of(dataDir.trim());
	}

}
