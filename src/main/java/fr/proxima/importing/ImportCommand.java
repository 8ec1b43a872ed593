package fr.proxima.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The import commands of the built jar, run instead of the web server:
 * {@code java -jar proxima.jar import <kind> <file>... [--crosswalk <csv>] [--cog-year <year>]} and
 * {@code java -jar proxima.jar import-dir <folder>}. Prints the report as JSON; exit status 0 when the import
 * succeeded, 1 when it failed (nothing written), 2 on a usage error.
 */
@Component
public class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

	static final String USAGE = """
			Usage:
			  java -jar proxima.jar import <kind> <file>... [--crosswalk <csv>] [--cog-year <year>]
			  java -jar proxima.jar import-dir <folder>
			Kinds: departements, communes, population, finess, ehpad-capacity, offers""";

	private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);

	private final ImportService imports;

	private final ObjectMapper json;

	private int exitCode;

	ImportCommand(ImportService imports, ObjectMapper json) {
		this.imports = imports;
		this.json = json;
	}

	/** True when the command line asks for an import rather than the web application. */
	public static boolean isImportCommand(String... args) {
		return args.length > 0 && (args[0].equals("import") || args[0].equals("import-dir"));
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
			log.error("{}\n{}", e.getMessage(), USAGE);
			exitCode = 2;
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
					cogYear = Integer.valueOf(value);
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
