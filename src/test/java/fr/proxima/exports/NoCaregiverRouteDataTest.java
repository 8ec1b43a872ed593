package fr.proxima.exports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import fr.proxima.support.H2Test;
import fr.proxima.support.LozereServer;
import fr.proxima.support.PostgisTest;
import fr.proxima.tiles.internal.TileMath;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public output holds only public offer and territory properties: with a real tour
 * stored (a caregiver pseudonym, visits at distinctive points), this test lists every
 * field of every collection, tile layer and export and looks for the tour's values in
 * every body, so that a tour, a visit or a person's address leaking into one fails it.
 */
// issue 14: no caregiver-route data in any OGC collection, tile layer or export
// issue 13: with real tours in the store
class NoCaregiverRouteDataTest {

	/**
	 * The public fields: offers (with their organisation), communes, départements,
	 * coverage.
	 */
	static final Set<String> PUBLIC = Set.of("id", "finess_et", "name", "family", "audience", "category_code",
			"category_label", "capacity", "address", "postal_code", "city", "commune_code", "departement", "phone",
			"email", "website", "organisation_id", "organisation_name", "source_name", "source_date", "verified_at",
			"code", "cog_year", "census_year", "population", "aged_75_plus", "aged_85_plus", "offers",
			"home_care_zones", "communes", "families", "threshold_minutes", "minutes", "nearest_offer_id",
			"nearest_offer_name", "covered", "covered_population", "covered_aged_75_plus", "covered_aged_85_plus",
			"method", "offer_id", "lon", "lat", "wkt", "fid", "geom");

	/** Names a caregiver's tour, visit or the person visited would carry. */
	static final Pattern PRIVATE = Pattern.compile(
			"(?i).*(tour|round|visit|caregiver|carer|aidant|intervenant|tournee|tournée|patient|beneficiar|bénéficiaire|"
					+ "client|person|route|itinerar|schedule|planning|shift|vehicle|driver).*");

	/** The stored tour's caregiver and the visits' points (away from every offer). */
	static final String CAREGIVER = "IDE-LEAK-7Q";

	static final double[][] VISITS = { { 3.123457, 44.654321 }, { 3.187653, 44.612347 } };

	abstract static class Contract extends LozereServer {

		@TempDir
		Path dir;

		@org.junit.jupiter.api.BeforeEach
		void storeARealTour() {
			if (jdbc.queryForObject("SELECT COUNT(*) FROM tour WHERE caregiver = ?", Long.class, CAREGIVER) > 0) {
				return;
			}
			jdbc.update("INSERT INTO organisation (name) VALUES ('SSIAD INVENTÉ TOURNÉES')");
			long org = jdbc.queryForObject("SELECT MAX(id) FROM organisation WHERE name = 'SSIAD INVENTÉ TOURNÉES'",
					Long.class);
			jdbc.update("INSERT INTO tour (organisation_id, tour_date, caregiver, start_minute, start_lon, start_lat,"
					+ " end_lon, end_lat, drive_seconds, drive_metres, method, created_at, updated_at)"
					+ " VALUES (?, DATE '2026-11-20', ?, 480, ?, ?, ?, ?, 1800, 25000, 'estimate', CURRENT_TIMESTAMP,"
					+ " CURRENT_TIMESTAMP)", org, CAREGIVER, VISITS[0][0], VISITS[0][1], VISITS[0][0], VISITS[0][1]);
			long tour = jdbc.queryForObject("SELECT id FROM tour WHERE caregiver = ?", Long.class, CAREGIVER);
			for (int i = 0; i < VISITS.length; i++) {
				jdbc.update(
						"INSERT INTO tour_visit (tour_id, position, lon, lat, commune_code, window_start,"
								+ " window_end, duration_minutes, care_type, drive_in_seconds)"
								+ " VALUES (?, ?, ?, ?, '48095', 540, 600, 30, 'NURSING', 900)",
						tour, i, VISITS[i][0], VISITS[i][1]);
			}
		}

		/** Neither the caregiver nor a visit's coordinates appear in a public body. */
		static void assertNoTourValue(String where, String body) {
			assertThat(body).as(where).doesNotContain(CAREGIVER, "3.123457", "44.654321", "3.187653", "44.612347");
		}

		@Test
		void ogcCollectionsHoldOnlyPublicProperties() {
			List<String> ids = JsonPath.read(ok("/ogc/collections"), "$.collections[*].id");
			assertThat(ids).containsExactly("offers", "communes", "departements", "coverage");
			for (String id : ids) {
				String items = ok("/ogc/collections/" + id + "/items?limit=1000");
				assertNoTourValue("collection " + id, items);
				List<Map<String, Object>> props = JsonPath.read(items, "$.features[*].properties");
				assertThat(props).as(id).isNotEmpty();
				props.forEach(p -> assertPublic("collection " + id, p.keySet()));
				List<Object> queryables = JsonPath.read(ok("/ogc/api"),
						"$.paths['/collections/" + id + "/items'].get.parameters[*].name");
				assertThat(queryables.stream().map(String::valueOf)).noneMatch(n -> PRIVATE.matcher(n).matches());
			}
		}

		@Test
		void tileLayersHoldOnlyPublicProperties() throws IOException {
			List<String> layers = JsonPath.read(ok("/tiles"), "$.layers[*].id");
			for (int z : new int[] { 7, 12 }) {
				int[] xy = TileMath.tileOf(z, 3.4993, 44.5181);
				for (String layer : layers) {
					byte[] tile = get("/tiles/" + layer + "/" + z + "/" + xy[0] + "/" + xy[1] + ".mvt").body();
					JtsMvt mvt = MvtReader.loadMvt(new java.io.ByteArrayInputStream(tile),
							fr.proxima.shared.Geo.FACTORY, new TagKeyValueMapConverter(false, "id"));
					assertThat(mvt.getLayers()).as("tileset %s z%d", layer, z).isNotEmpty();
					for (JtsLayer l : mvt.getLayers()) {
						assertThat(l.getName()).isIn("offers", "communes", "departements");
						for (Geometry g : l.getGeometries()) {
							assertPublic("tile layer " + l.getName(), ((Map<?, ?>) g.getUserData()).keySet());
							assertNoTourValue("tile layer " + l.getName(), String.valueOf(g.getUserData()));
						}
					}
				}
			}
		}

		@Test
		void exportsHoldOnlyPublicFields() throws IOException, SQLException {
			for (String layer : List.of("offers", "communes", "departements")) {
				String geojson = ok("/exports/" + layer + ".geojson");
				assertNoTourValue(layer + ".geojson", geojson);
				assertNoTourValue(layer + ".csv", ok("/exports/" + layer + ".csv"));
				List<Map<String, Object>> props = JsonPath.read(geojson, "$.features[*].properties");
				props.forEach(p -> assertPublic(layer + ".geojson", p.keySet()));
				String header = ok("/exports/" + layer + ".csv").lines().findFirst().orElseThrow();
				assertPublic(layer + ".csv", List.of(header.split(",")));
				Path gpkg = dir.resolve(layer + ".gpkg");
				Files.write(gpkg, get("/exports/" + layer + ".gpkg").body());
				assertNoTourValue(layer + ".gpkg",
						new String(Files.readAllBytes(gpkg), java.nio.charset.StandardCharsets.ISO_8859_1));
				assertPublic(layer + ".gpkg", columns(gpkg, layer));
				assertThat(tables(gpkg)).as(layer + ".gpkg tables")
					.allMatch(t -> t.startsWith("gpkg_") || t.startsWith("rtree_") || t.equals(layer)
							|| t.equals("proxima_sources") || t.startsWith("sqlite_"));
			}
			for (String schema : List.of("/exports/hsds.json", "/exports/data-inclusion.json")) {
				String body = ok(schema);
				assertNoTourValue(schema, body);
				Set<String> keys = new TreeSet<>();
				keys(JsonPath.parse(body).json(), keys);
				assertThat(keys).contains("name").noneMatch(k -> PRIVATE.matcher(k).matches());
			}
		}

		private static void assertPublic(String where, java.util.Collection<?> names) {
			Set<String> unknown = new TreeSet<>();
			names.forEach(n -> unknown.add(String.valueOf(n)));
			unknown.removeAll(PUBLIC);
			assertThat(unknown).as("fields of %s that are not public offer or territory fields", where).isEmpty();
		}

		private static List<String> columns(Path gpkg, String table) throws SQLException {
			List<String> names = new ArrayList<>();
			try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
					ResultSet rs = c.createStatement().executeQuery("PRAGMA table_info(\"" + table + "\")")) {
				while (rs.next()) {
					names.add(rs.getString("name"));
				}
			}
			assertThat(names).as(table + " columns").isNotEmpty();
			return names;
		}

		private static List<String> tables(Path gpkg) throws SQLException {
			List<String> names = new ArrayList<>();
			try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
					ResultSet rs = c.createStatement()
						.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
				while (rs.next()) {
					names.add(rs.getString(1));
				}
			}
			return names;
		}

		/** Every key of a parsed JSON document, at any depth. */
		private static void keys(Object json, Set<String> out) {
			if (json instanceof Map<?, ?> m) {
				m.forEach((k, v) -> {
					out.add(String.valueOf(k));
					keys(v, out);
				});
			}
			else if (json instanceof List<?> l) {
				l.forEach(v -> keys(v, out));
			}
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
