package fr.proxima.importing;

import java.util.List;

/**
 * What a folder import did: one report per step (in the order run), the files it did not recognise with the reason,
 * and an overall status. The steps run in one transaction: if one fails, none is kept.
 */
public record DirectoryImportReport(String folder, ImportReport.Status status, List<ImportReport> steps,
		List<IgnoredFile> ignored, long millis) {

	public record IgnoredFile(String file, String reason) {
	}

}
