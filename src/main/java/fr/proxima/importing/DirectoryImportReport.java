package fr.proxima.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a folder import did: one report per step (in the order run), the files it did not
 * recognise with the reason, and an overall status. The steps run in one transaction: if
 * one fails, none is kept. {@code error} says why a folder failed as a whole (no
 * importable file in it); it is null otherwise, the steps' reports holding their errors.
 */
public record DirectoryImportReport(String folder, ImportReport.Status status, String error, List<ImportReport> steps,
		List<IgnoredFile> ignored, long millis) {

	/** Files listed by name in the error of a folder with no importable file. */
	private static final int NAMED_SKIPPED = 5;

	public record IgnoredFile(String file, String reason) {

		@Override
		public String toString() {
			return file + " (" + reason + ")";
		}

	}

	/**
	 * A folder in which no file has a known layout: it fails, naming the first files
	 * skipped.
	 */
	static DirectoryImportReport nothingToImport(Path folder, List<IgnoredFile> ignored, long millis) {
		String error = "no importable file found in " + folder
				+ (ignored.isEmpty() ? " (it holds no file)"
						: "; skipped: "
								+ ignored.stream()
									.limit(NAMED_SKIPPED)
									.map(IgnoredFile::toString)
									.collect(Collectors.joining(", "))
								+ (ignored.size() > NAMED_SKIPPED
										? ", … (" + ignored.size() + " in all, listed in 'ignored')" : ""));
		return new DirectoryImportReport(folder.toString(), ImportReport.Status.FAILED, error, List.of(), ignored,
				millis);
	}

}
