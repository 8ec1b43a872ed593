package fr.proxima.importing;

import java.util.ArrayList;
import java.util.List;

import fr.proxima.offers.RegisterConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one import did: counts, warnings and the line-level errors that made it fail. Any
 * error rolls the whole import back, so {@code status} is either SUCCEEDED (everything
 * written) or FAILED (nothing written).
 */
public final class ImportReport {

	/** At most this many warnings and errors are listed; the counts stay exact. */
	static final int MAX_LISTED = 200;

	/**
	 * At most this many warnings are logged as they come; the end of the import logs how
	 * many more there were.
	 */
	static final int MAX_LOGGED = 20;

	private static final Logger log = LoggerFactory.getLogger(ImportReport.class);

	public enum Status {

		SUCCEEDED, FAILED

	}

	/**
	 * A problem in a file: {@code line} is 1-based (null when not tied to a line),
	 * {@code field} names the column.
	 */
	public record LineError(String file, Long line, String field, String message) {

		@Override
		public String toString() {
			return file + (line == null ? "" : ":" + line) + (field == null ? "" : " [" + field + "]") + ": " + message;
		}

	}

	private final String kind;

	private final List<String> files = new ArrayList<>();

	private Status status = Status.SUCCEEDED;

	private long read;

	private long inserted;

	private long updated;

	private long skipped;

	private long warningCount;

	private long errorCount;

	private final List<String> warnings = new ArrayList<>();

	private final List<LineError> errors = new ArrayList<>();

	private final List<RegisterConflict> conflicts = new ArrayList<>();

	private long millis;

	public ImportReport(String kind) {
		this.kind = kind;
	}

	public void addFile(String file) {
		files.add(file);
	}

	public void read() {
		read++;
		if (read % 5000 == 0) {
			log.info("{}: {} records read", kind, read);
		}
	}

	public void inserted(long n) {
		inserted += n;
	}

	public void updated(long n) {
		updated += n;
	}

	public void skipped() {
		skipped++;
	}

	public void warn(String message) {
		warningCount++;
		if (warningCount <= MAX_LOGGED) {
			log.warn("{} import: {}", kind, message);
		}
		if (warnings.size() < MAX_LISTED) {
			warnings.add(message);
		}
	}

	public void error(String file, Long line, String field, String message) {
		errorCount++;
		status = Status.FAILED;
		if (errors.size() < MAX_LISTED) {
			errors.add(new LineError(file, line, field, message));
		}
	}

	/**
	 * Conflicts with organisations' own data (issue 11): listed here and on the
	 * organisation's page.
	 */
	public void conflicts(List<RegisterConflict> found) {
		conflicts.addAll(found);
		if (!found.isEmpty()) {
			log.info("{} import: {} conflict(s) with organisations' own values, listed in the report", kind,
					found.size());
		}
	}

	public List<RegisterConflict> getConflicts() {
		return conflicts;
	}

	public boolean failed() {
		return status == Status.FAILED;
	}

	/**
	 * Marks the import failed after a rollback: nothing was written, so the write counts
	 * go back to zero.
	 */
	void rolledBack(String failedStep) {
		if (!failed()) {
			warn("rolled back because the " + failedStep + " step failed");
		}
		status = Status.FAILED;
		inserted = 0;
		updated = 0;
		conflicts.clear();
	}

	void finished(long millis) {
		this.millis = millis;
		if (warningCount > MAX_LOGGED) {
			log.warn("{} import: {} more warning(s) not logged; the report lists the first {}", kind,
					warningCount - MAX_LOGGED, MAX_LISTED);
		}
		if (failed()) {
			log.warn("{} import FAILED and was rolled back after {} ms: {} error(s), first: {}", kind, millis,
					errorCount, errors.isEmpty() ? "-" : errors.get(0));
		}
		else {
			log.info("{} import done in {} ms: {} read, {} inserted, {} updated, {} skipped, {} warning(s)", kind,
					millis, read, inserted, updated, skipped, warningCount);
		}
	}

	public String getKind() {
		return kind;
	}

	public List<String> getFiles() {
		return files;
	}

	public Status getStatus() {
		return status;
	}

	public long getRead() {
		return read;
	}

	public long getInserted() {
		return inserted;
	}

	public long getUpdated() {
		return updated;
	}

	public long getSkipped() {
		return skipped;
	}

	public long getWarningCount() {
		return warningCount;
	}

	public long getErrorCount() {
		return errorCount;
	}

	public List<String> getWarnings() {
		return warnings;
	}

	public List<LineError> getErrors() {
		return errors;
	}

	public long getMillis() {
		return millis;
	}

}
