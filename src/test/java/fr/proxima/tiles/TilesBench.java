package fr.proxima.tiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import fr.proxima.shared.OffersChanged;
import fr.proxima.shared.ReadSql;
import fr.proxima.support.H2Test;
import fr.proxima.support.LozereServer;
import fr.proxima.support.PostgisTest;
import fr.proxima.tiles.internal.LayerConfig;
import fr.proxima.tiles.internal.PostgisTileEncoder;
import fr.proxima.tiles.internal.TileMath;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * issue 14: vector tile p50/p99 and tiles/s over HTTP, cold (cache emptied) and cached,
 * at z8 over the whole of Lozère and at z12 over Mende, on H2GIS and PostGIS, beside the
 * raw {@code ST_AsMVT} statements on PostGIS for the same tiles. One sequential client;
 * the {@code proxima} tileset (offers, communes, départements). Run:
 * {@code ./mvnw -B test -Dtest=TilesBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class TilesBench {

	static final int ROUNDS = 10;

	/**
	 * One table row per database, tile set and way of serving, printed once both
	 * databases ran.
	 */
	static final List<String> TABLE = java.util.Collections.synchronizedList(new ArrayList<>());

	@org.junit.jupiter.api.AfterAll
	static void printTheTable() {
		System.out.println("[TilesBench] | database | tiles | served | p50 | p99 | tiles/s | largest tile |");
		System.out.println("[TilesBench] |---|---|---|---|---|---|---|");
		TABLE.forEach(row -> System.out.println("[TilesBench] " + row));
	}

	abstract static class Contract extends LozereServer {

		@Autowired
		Tiles tiles;

		@Autowired
		ApplicationEventPublisher events;

		@Autowired
		ReadSql sql;

		@Test
		void tileLatencyColdAndCached() {
			String db = getClass().getSimpleName().replace("On", "");
			bench(db, "z8 Lozère", cover(8, 2.98, 44.11, 4.0, 44.98));
			bench(db, "z12 Mende", cover(12, 3.44, 44.48, 3.56, 44.56));
		}

		private void bench(String db, String name, List<int[]> set) {
			List<Double> cold = new ArrayList<>();
			List<Double> cached = new ArrayList<>();
			List<Double> raw = new ArrayList<>();
			long maxBytes = 0;
			for (int round = 0; round < ROUNDS; round++) {
				events.publishEvent(new OffersChanged("TilesBench"));
				for (int[] t : set) {
					long start = System.nanoTime();
					byte[] body = get(path(t)).body();
					cold.add((System.nanoTime() - start) / 1e6);
					maxBytes = Math.max(maxBytes, body.length);
				}
				for (int[] t : set) {
					long start = System.nanoTime();
					assertThat(get(path(t)).headers().firstValue("X-Proxima-Tile-Cache")).contains("hit");
					cached.add((System.nanoTime() - start) / 1e6);
				}
				if (tiles.onPostgis()) {
					PostgisTileEncoder encoder = new PostgisTileEncoder(sql.jdbc(), tiles.config());
					for (int[] t : set) {
						long start = System.nanoTime();
						encoder.encode(tiles.config().tileset(LayerConfig.ALL), t[0], t[1], t[2]);
						raw.add((System.nanoTime() - start) / 1e6);
					}
				}
			}
			String largest = String.format(Locale.ROOT, "%,d bytes", maxBytes);
			print(db, name, "cold, HTTP", set.size(), cold, largest);
			print(db, name, "cached, HTTP", set.size(), cached, "");
			if (!raw.isEmpty()) {
				print(db, name, "raw ST_AsMVT (JDBC, no HTTP, no cache)", set.size(), raw, "");
			}
			System.out.printf(Locale.ROOT, "[TilesBench] %s %s: largest tile %,d bytes (cap 512,000)%n", db, name,
					maxBytes);
			assertThat(maxBytes).isLessThanOrEqualTo(512_000);
		}

		private static void print(String db, String tiles, String how, int tilesInSet, List<Double> ms,
				String largest) {
			double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			double total = Arrays.stream(v).sum();
			double p50 = v[(int) (v.length * 0.5)];
			double p99 = v[Math.min(v.length - 1, (int) (v.length * 0.99))];
			double perSecond = v.length / (total / 1000);
			System.out.printf(Locale.ROOT,
					"[TilesBench] %s %s %s (%d tiles x %d rounds): p50 %.1f ms, p99 %.1f ms, %.1f tiles/s%n", db, tiles,
					how, tilesInSet, ROUNDS, p50, p99, perSecond);
			TABLE.add(String.format(Locale.ROOT, "| %s | %s (%d tiles) | %s | %.1f ms | %.1f ms | %.1f | %s |", db,
					tiles, tilesInSet, how, p50, p99, perSecond, largest));
		}

		private static List<int[]> cover(int z, double minLon, double minLat, double maxLon, double maxLat) {
			int[] a = TileMath.tileOf(z, minLon, maxLat);
			int[] b = TileMath.tileOf(z, maxLon, minLat);
			List<int[]> set = new ArrayList<>();
			for (int x = a[0]; x <= b[0]; x++) {
				for (int y = a[1]; y <= b[1]; y++) {
					set.add(new int[] { z, x, y });
				}
			}
			return set;
		}

		private static String path(int[] t) {
			return "/tiles/proxima/" + t[0] + "/" + t[1] + "/" + t[2] + ".mvt";
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	@H2Test
	class OnH2 extends Contract {

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	@PostgisTest
	class OnPostgis extends Contract {

	}

}
