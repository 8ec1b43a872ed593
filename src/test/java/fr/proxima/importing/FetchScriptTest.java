package fr.proxima.importing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

// issue 2: the fetch script parses, and its manifest names only https URLs and known import kinds
class FetchScriptTest {

	@Test
	void scriptIsValidBash() throws Exception {
		Process bash = new ProcessBuilder("bash", "-n", "gis/fetch-open-data.sh").redirectErrorStream(true).start();
		assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(bash.exitValue()).as(new String(bash.getInputStream().readAllBytes())).isZero();
	}

	@Test
	void scriptRefusesAnInvalidDepartement() throws Exception {
		Process bash = new ProcessBuilder("bash", "gis/fetch-open-data.sh", "999").redirectErrorStream(true).start();
		assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(bash.exitValue()).isEqualTo(2);
	}

	@Test
	void manifestListsHttpsSourcesOfKnownKinds() throws Exception {
		List<String[]> rows = Files.readAllLines(Path.of("gis/sources.tsv"))
			.stream()
			.filter(l -> !l.startsWith("#") && !l.startsWith("name\t"))
			.map(l -> l.split("\t"))
			.toList();
		assertThat(rows).extracting(r -> r[0]).contains("finess", "communes", "departements", "population", "osm");
		for (String[] row : rows) {
			assertThat(row).hasSize(5);
			assertThat(row[3]).startsWith("https://");
			if (!row[1].equals("-")) {
				assertThat(ImportKind.fromCode(row[1])).isNotNull();
			}
		}
	}

}
