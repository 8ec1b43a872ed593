package fr.proxima.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import fr.proxima.ProximaApplication;
import fr.proxima.support.CleanSchemaPerContext;
import fr.proxima.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

// issue 2: the jar's import commands run without a web server and exit with the import's status
@ExtendWith(OutputCaptureExtension.class)
class ImportCommandTest {

	private static final AtomicInteger runs = new AtomicInteger();

	/**
	 * Runs the application as the jar's main would for an import command, on a fresh
	 * in-memory H2GIS each time (Flyway cannot clean an H2 database where H2GIS was
	 * loaded).
	 */
	static int run(String... args) {
		assertThat(ImportCommand.isImportCommand(args)).isTrue();
		SpringApplication app = ProximaApplication.importCommand(CleanSchemaPerContext.class);
		// above application.properties, as the command line's own --spring.… options
		// would be
		app.addInitializers(c -> c.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("import-command-test", Map.of("spring.datasource.url",
					"jdbc:h2:mem:import-command-" + runs.incrementAndGet(), "spring.flyway.clean-disabled", "false"))));
		ConfigurableApplicationContext context = app.run(args);
		return SpringApplication.exit(context);
	}

	@Test
	void importSucceedsWithStatusZero() {
		Path population = SharedData.file("02_population_age/insee_layout/base-cc-pop-2023-subset.csv");
		assertThat(run("import", "population", population.toString())).isZero();
	}

	@Test
	void failedImportExitsWithStatusOne() {
		Path notFiness = SharedData.file("02_population_age/insee_layout/base-cc-pop-2023-subset.csv");
		assertThat(run("import", "finess", notFiness.toString())).isEqualTo(1);
	}

	@Test
	void usageErrorExitsWithStatusTwo() {
		assertThat(run("import", "nonsense", "x.csv")).isEqualTo(2);
		assertThat(run("import", "communes", "a.geojson", "--cog-year")).isEqualTo(2);
	}

	@Test
	void folderWithoutImportableFileFailsWithStatusOne(@TempDir Path folder, CapturedOutput output) throws IOException {
		int files = ImportReport.MAX_LOGGED + 3;
		for (int i = 0; i < files; i++) {
			Files.writeString(folder.resolve("notes-%02d.md".formatted(i)), "# not data\n");
		}

		assertThat(run("import-dir", folder.toString())).isEqualTo(1);
		assertThat(output.getAll())
			.contains("no importable file found in " + folder, "Ignored notes-00.md", "and 3 more file(s) ignored")
			.doesNotContain("Ignored notes-%02d.md".formatted(files - 1));
	}

	@Test
	void missingFileIsAUsageErrorNamingTheFile(CapturedOutput output) {
		Path missing = Path.of("/tmp/proxima-no-such-file.csv");

		assertThat(run("import", "population", missing.toString())).isEqualTo(2);
		assertThat(output.getErr()).contains("file not found: " + missing, "Usage:");
		assertThat(output.getOut()).doesNotContain("import aborted");
	}

	@Test
	void onlyImportCommandsAndOptionsAreUnderstood() {
		assertThat(ImportCommand.modeOf()).isEqualTo(ImportCommand.Mode.SERVER);
		assertThat(ImportCommand.modeOf("--server.port=8081")).isEqualTo(ImportCommand.Mode.SERVER);
		assertThat(ImportCommand.modeOf("import-dir", "x")).isEqualTo(ImportCommand.Mode.IMPORT);
		assertThat(ImportCommand.modeOf("help")).isEqualTo(ImportCommand.Mode.HELP);
		assertThat(ImportCommand.modeOf("--help")).isEqualTo(ImportCommand.Mode.HELP);
		assertThat(ImportCommand.modeOf("imprt-dir", "x")).isEqualTo(ImportCommand.Mode.UNKNOWN);
		assertThat(ImportCommand.modeOf("-port")).isEqualTo(ImportCommand.Mode.UNKNOWN);
	}

}
