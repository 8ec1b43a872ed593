package fr.proxima.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import fr.proxima.ProximaApplication;
import fr.proxima.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

// tryout of the built jar: the import commands are scriptable (stdout = the JSON report, logs on stderr, no server,
// no background refresh, no road graph), a mistyped command or a locked database is a clear one-line error. Runs the real main in a
// separate JVM, as the jar does.
class CommandLineTest {

	static final Path BASE_CC = SharedData.file("02_population_age/insee_layout/base-cc-pop-2023-subset.csv");

	@TempDir
	Path tmp;

	record Run(int status, String out, String err) {
	}

	Run main(String... args) throws IOException, InterruptedException {
		return main(Map.of(), args);
	}

	Run main(Map<String, String> env, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), ProximaApplication.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(tmp.resolve("out.txt").toFile())
			.redirectError(tmp.resolve("err.txt").toFile());
		builder.environment().put("PROXIMA_DB_URL", "jdbc:h2:file:" + tmp.resolve("db/proxima"));
		builder.environment().remove("PROXIMA_DATA_DIR");
		builder.environment().putAll(env);
		Process process = builder.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("still running after 120 s (a web server?): " + String.join(" ", args));
		}
		return new Run(process.exitValue(), Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8),
				Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
	}

	@Test
	void importPrintsOnlyTheReportOnStdoutAndLogsOnStderr() throws Exception {
		// the server's settings, road graph included: an import needs no graph, so none
		// is loaded
		Run run = main(Map.of("PROXIMA_OSM_FILE", tmp.resolve("no-such-extract.osm.pbf").toString()), "import",
				"population", BASE_CC.toString());

		assertThat(run.status()).as(run.err()).isZero();
		JsonNode report = JsonMapper.builder().build().readTree(run.out());
		assertThat(report.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(report.get("inserted").asLong()).isPositive();
		assertThat(run.err()).contains("population import done")
			.doesNotContain("Tomcat")
			.doesNotContain("refreshing offer × commune travel times")
			.doesNotContain("ERROR");
	}

	@Test
	void mistypedCommandIsAUsageErrorNotAServer() throws Exception {
		Run run = main("imprt-dir", "x");

		assertThat(run.status()).isEqualTo(2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).contains("Unknown command 'imprt-dir'", "import-dir <folder>");
	}

	@Test
	void helpPrintsTheUsageAndStartsNothing() throws Exception {
		Run run = main("--help");

		assertThat(run.status()).isZero();
		assertThat(run.out()).contains("import-dir <folder>", "Kinds:");
		assertThat(run.err()).doesNotContain("Tomcat");
	}

	@Test
	void databaseLockedByAServerIsOneClearLineWithoutStackTrace() throws Exception {
		String url = "jdbc:h2:file:" + tmp.resolve("db/proxima");
		// this JVM holds the file, as a running server would
		try (Connection server = DriverManager.getConnection(url, "sa", "")) {
			Run run = main("import", "population", BASE_CC.toString());

			assertThat(run.status()).isEqualTo(1);
			assertThat(run.out()).isEmpty();
			assertThat(run.err())
				.contains("the database " + tmp.resolve("db/proxima")
						+ " is in use by a running Proxima server: stop it, or use the admin import endpoint")
				.doesNotContain("\tat ");
		}
	}

}
