package fr.proxima.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The import commands of the built jar, run instead of the web server:
 * {@code java -jar proxima.jar import <kind> <file>... [--crosswalk <csv>] [--cog-year <year>]}
 * and {@code java -jar proxima.jar import-dir <folder>}. Prints the report as JSON; exit
 * status 0 when the import succeeded, 1 when it failed (nothing written), 2 on a usage
 * error.
 */
@Component
public class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

	static final String USAGE = """
			Usage:
			  java -jar proxima.jar import <kind> <file>... [--crosswalk <csv>] [--cog-year <year>]
			  java -jar proxima.jar import-dir <folder>
			  java -jar proxima.jar [--name=value ...]    (the web server)
			Kinds: departements, communes, population, finess, ehpad-capacity, offers""";

	/** Exit status of a usage error (an import that failed exits with 1). */
	private static final int USAGE_ERROR = 2;

	/** What the jar's command line asks for. */
	public enum Mode {

		/** {@code import …} or {@code import-dir …} */
		IMPORT,
		/** no argument, or only Spring's {@code --name=value} options */
		SERVER,
		/** {@code help}, {@code --help} or {@code -h}: print the usage */
		HELP,
		/**
		 * a first argument that is neither a command nor an option: a usage error, not a
		 * reason to serve
		 */
		UNKNOWN

	}

	private final ImportService imports;

	private final ObjectMapper json;

	private int exitCode;

	ImportCommand(ImportService imports, ObjectMapper json) {
		this.imports = imports;
		this.json = json;
	}

	public static Mode modeOf(String... args) {
		if (args.length > 0 && List.of("help", "--help", "-h").contains(args[0])) {
			return Mode.HELP;
		}
		if (args.length == 0 || args[0].startsWith("--")) {
			return Mode.SERVER;
		}
		return args[0].equals("import") || args[0].equals("import-dir") ? Mode.IMPORT : Mode.UNKNOWN;
	}

	/** The usage, as {@code help} prints it. */
	public static String usage() {
		return USAGE;
	}

	/**
	 * Prints the problem and the usage on stderr; returns the exit status of a usage
	 * error.
	 */
	public static int usageError(String problem) {
		System.err.println(problem + "\n" + USAGE);
		return USAGE_ERROR;
	}

	/** True when the command line asks for an import rather than the web application. */
	public static boolean isImportCommand(String... args) {
		return modeOf(args) == Mode.IMPORT;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		String[] args = arguments.getSourceArgs();
		if (!isImportCommand(args)) {
			return;
		}
		try {
			Object report;
			boolean ok;
			if (args[0].equals("import-dir")) {
				if (args.length != 2) {
					throw new IllegalArgumentException("import-dir takes one folder");
				}
				DirectoryImportReport r = imports.importDirectory(Path.of(args[1]));
				report = r;
				ok = r.status() == ImportReport.Status.SUCCEEDED;
			}
			else {
				ImportReport r = importFiles(args);
				report = r;
				ok = !r.failed();
			}
			System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
			exitCode = ok ? 0 : 1;
		}
		catch (IllegalArgumentException e) {
			exitCode = usageError(e.getMessage());
		}
	}

	private ImportReport importFiles(String[] args) {
		if (args.length < 3) {
			throw new IllegalArgumentException("import needs a kind and at least one file");
		}
		ImportKind kind;
		try {
			kind = ImportKind.fromCode(args[1]);
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("Unknown import kind '" + args[1] + "'");
		}
		List<Path> files = new ArrayList<>();
		Path crosswalk = null;
		Integer cogYear = null;
		for (int i = 2; i < args.length; i++) {
			String a = args[i];
			if (a.startsWith("--crosswalk") || a.startsWith("--cog-year")) {
				String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : (++i < args.length ? args[i] : null);
				if (value == null) {
					throw new IllegalArgumentException(a + " needs a value");
				}
				if (a.startsWith("--crosswalk")) {
					crosswalk = Path.of(value);
				}
				else {
					try {
						cogYear = Integer.valueOf(value);
					}
					catch (NumberFormatException e) {
						throw new IllegalArgumentException("--cog-year takes a year, not '" + value + "'");
					}
				}
			}
			else {
				files.add(Path.of(a));
			}
		}
		return imports.importFiles(kind, files, new ImportService.Options(crosswalk, cogYear));
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
