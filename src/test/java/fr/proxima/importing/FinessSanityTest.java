package fr.proxima.importing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.proxima.support.H2Test;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

// issue 10: FINESS coordinates outside France are flagged and the point left empty (a Lambert-93
// 99999999999;-99999999999 was stored at the South Pole), and control characters in text fields are removed with a
// warning (a NUL was stored inside a name)
@SpringBootTest
@H2Test
class FinessSanityTest {

	@Autowired
	ImportService imports;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path tmp;

	@Test
	void coordinatesOutsideFranceAreFlaggedAndControlCharactersRemoved() throws Exception {
		List<String> lines = new ArrayList<>(Files.readAllLines(ImportFailuresTest.ETALAB));
		int geo = lines.indexOf(lines.stream().filter(l -> l.startsWith("geolocalisation;")).findFirst().orElseThrow());
		String[] g = lines.get(geo).split(";", -1);
		String far = g[1];
		g[2] = "99999999999";
		g[3] = "-99999999999";
		lines.set(geo, String.join(";", g));
		int est = lines.indexOf(lines.stream().filter(l -> l.startsWith("structureet;")).findFirst().orElseThrow());
		String[] s = lines.get(est).split(";", -1);
		String named = s[1];
		s[3] = "EHPAD\u0000 NUL\u0007";
		s[4] = "EHPAD\u0000 LONG NUL\u001b";
		lines.set(est, String.join(";", s));
		Path file = Files.write(tmp.resolve("etalab-insane.csv"), lines);

		ImportReport report = imports.importFiles(ImportKind.FINESS, List.of(file), ImportService.Options.NONE);

		assertThat(report.getStatus()).isEqualTo(ImportReport.Status.SUCCEEDED);
		assertThat(report.getWarnings()).anyMatch(w -> w.contains("outside France") && w.contains("point left empty"));
		assertThat(report.getWarnings()).anyMatch(w -> w.contains("control characters removed"));
		assertThat(
				jdbc.queryForObject("SELECT COUNT(*) FROM offer WHERE finess_et = ? AND geom IS NULL", Long.class, far))
			.isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offer WHERE geom IS NOT NULL AND ST_Y(geom) < 40",
				Long.class))
			.isZero();
		String name = jdbc.queryForObject("SELECT name FROM offer WHERE finess_et = ?", String.class, named);
		assertThat(name).doesNotContainPattern("\\p{Cntrl}");
	}

}
