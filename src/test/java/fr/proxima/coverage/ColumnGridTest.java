package fr.proxima.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import fr.proxima.coverage.internal.ColumnGrid;
import fr.proxima.coverage.internal.Territory;
import fr.proxima.shared.Geo;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

import static org.assertj.core.api.Assertions.assertThat;

// issue 15: the grid that makes site suggestions linear finds exactly the communes a scan of every commune finds
class ColumnGridTest {

	@Test
	void theGridFindsTheSameColumnsAsAScanOfEveryColumn() {
		Random random = new Random(15);
		List<Territory.Commune> communes = new ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			// a band of France, with a few points piled on one spot
			double lon = i % 100 == 0 ? 3.5 : -1 + random.nextDouble() * 8;
			double lat = i % 100 == 0 ? 44.5 : 42 + random.nextDouble() * 6;
			communes.add(new Territory.Commune(String.format("%05d", i), "C" + i, "48", lon, lat, 10, 1, 0));
		}
		Territory territory = Territory.of(communes);
		// every other column, as a scope of some départements
		int[] scope = IntStream.range(0, territory.size()).filter(i -> i % 2 == 0).toArray();
		int found = 0;
		for (double radius : new double[] { 2_000, 25_000, 80_000 }) {
			ColumnGrid grid = new ColumnGrid(territory, scope, radius);
			for (int probe = 0; probe < 200; probe++) {
				Point center = probe % 50 == 0 ? Geo.point(3.5, 44.5)
						: Geo.point(-2 + random.nextDouble() * 10, 41 + random.nextDouble() * 8);
				int[] scanned = IntStream.of(scope)
					.filter(i -> Geo.haversineMetres(center, territory.point(i)) <= radius)
					.toArray();
				int[] gridded = grid.within(center, radius);
				assertThat(gridded).as("radius %s around %s", radius, center).containsExactly(scanned);
				found += gridded.length;
			}
		}
		assertThat(found).isPositive();
	}

}
