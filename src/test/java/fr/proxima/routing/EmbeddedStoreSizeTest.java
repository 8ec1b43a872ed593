package fr.proxima.routing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.proxima.importing.ImportService;
import fr.proxima.support.H2Test;
import fr.proxima.support.SharedData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

// issue 10: the embedded store's file stays bounded across travel-time refreshes (it grew by the whole table at each
// refresh: 17 MB after import, 1.39 GB after three refreshes)
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:file:./target/store-size/proxima;AUTO_SERVER=FALSE")
@H2Test
class EmbeddedStoreSizeTest {

	static final Path FILE = Path.of("target/store-size/proxima.mv.db");

	@Autowired
	ImportService imports;

	@Autowired
	TravelTimePrecompute precompute;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void afterFiveRefreshesTheFileIsAtMostHalfAsBigAgainAsAfterTheFirst() throws Exception {
		imports.importDirectory(SharedData.root());
		long imported = size();
		precompute.refresh();
		long first = size();
		List<Long> sizes = new ArrayList<>();
		long offer = jdbc.queryForObject("SELECT MIN(id) FROM offer WHERE geom IS NOT NULL", Long.class);
		for (int i = 0; i < 5; i++) {
			// an import moved one offer: its times change, every other pair stays
			jdbc.update("UPDATE offer SET geom = ST_Translate(geom, 0.01, 0) WHERE id = ?", offer);
			TravelTimeRun run = precompute.refresh();
			assertThat(run.pairs()).isPositive();
			sizes.add(size());
		}
		System.out.printf(Locale.ROOT,
				"[EmbeddedStoreSize] after import %.1f MB, after the first refresh %.1f MB, after five more %s MB%n",
				imported / 1e6, first / 1e6,
				sizes.stream().map(s -> String.format(Locale.ROOT, "%.1f", s / 1e6)).toList());
		assertThat(sizes.get(4)).isLessThanOrEqualTo((long) (first * 1.5));
	}

	private long size() throws Exception {
		jdbc.execute("CHECKPOINT SYNC");
		return Files.size(FILE);
	}

}
