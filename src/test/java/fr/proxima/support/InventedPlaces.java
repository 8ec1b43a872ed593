package fr.proxima.support;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small INVENTED data set around Mende for API behaviour tests: two organisations,
 * seven offers, two communes and a département. Names say "Invented"; square communes and
 * made-up numbers stand in for real data, which the importer tests cover. {@link #load}
 * empties the tables first, so every test starts from the same rows.
 */
public final class InventedPlaces {

	/**
	 * An invented offer as inserted: {@code lon}/{@code lat} are null for the one without
	 * a location.
	 */
	public record InventedOffer(String finessEt, String sourceRef, String name, String family, String audience,
			Double lon, Double lat, String communeCode, String organisationEj, Integer capacity,
			List<String> zoneCommunes) {

	}

	public static final List<InventedOffer> OFFERS = List.of(
			new InventedOffer("480000001", null, "EHPAD Invented Tilleuls", "ehpad", "elderly", 3.500, 44.520, "48095",
					"480000100", 80, List.of()),
			new InventedOffer("480000002", null, "SSIAD Invented Hautes Terres", "ssiad", "elderly", 3.520, 44.530,
					"48095", "480000100", 40, List.of("48095", "48902")),
			new InventedOffer(null, "invented:3", "Résidence Invented Éole", "residence_autonomie", "elderly", 3.560,
					44.540, "48095", null, 25, List.of()),
			new InventedOffer("480000004", null, "FAM Invented Cévennes", "disability_housing", "disabled", 3.700,
					44.600, "48902", "480000200", 30, List.of()),
			new InventedOffer("480000005", null, "Invented Health Centre", "health_centre", "all", 3.450, 44.500,
					"48095", null, null, List.of()),
			new InventedOffer("480000006", null, "Invented Far Hospital", "hospital", "all", 4.500, 45.500, null, null,
					null, List.of()),
			new InventedOffer("480000007", null, "SAAD Invented Without Location", "saad", "elderly", null, null,
					"48095", "480000100", null, List.of()));

	private InventedPlaces() {
	}

	/** Empties the territory and offer tables. */
	public static void clear(JdbcTemplate jdbc) {
		for (String table : List.of("offer_zone_commune", "offer", "organisation", "population", "commune",
				"departement")) {
			jdbc.update("DELETE FROM " + table);
		}
	}

	public static void load(JdbcTemplate jdbc) {
		clear(jdbc);
		jdbc.update("INSERT INTO departement (code, name) VALUES ('48', 'Lozère'), ('12', 'Aveyron')");
		commune(jdbc, "48095", "Invented Mende", 3.50, 44.52);
		commune(jdbc, "48902", "Invented Hamlet", 3.70, 44.60);
		jdbc.update("INSERT INTO population (commune_code, census_year, total, aged_75_plus, aged_85_plus)"
				+ " VALUES ('48095', 2023, 12000, 1500, 500)");
		jdbc.update("INSERT INTO organisation (finess_ej, siren, name, type) VALUES"
				+ " ('480000100', '000000001', 'Invented Association A', 'association'),"
				+ " ('480000200', '000000002', 'Invented Foundation B', 'foundation')");
		OffsetDateTime importedAt = OffsetDateTime.parse("2026-01-02T03:04:05Z");
		for (InventedOffer o : OFFERS) {
			Long organisationId = o.organisationEj() == null ? null : jdbc
				.queryForObject("SELECT id FROM organisation WHERE finess_ej = ?", Long.class, o.organisationEj());
			List<Object> args = new ArrayList<>(Arrays.asList(o.finessEt(), o.sourceRef(), organisationId, o.name(),
					o.family(), o.audience(), o.capacity(), o.communeCode(), importedAt));
			String geom = "NULL";
			if (o.lon() != null) {
				geom = "ST_SetSRID(ST_MakePoint(?, ?), 4326)";
				args.addAll(List.of(o.lon(), o.lat()));
			}
			jdbc.update("INSERT INTO offer (finess_et, source_ref, organisation_id, name, family, audience, capacity,"
					+ " commune_code, imported_at, phone, source_name, source_date, geom) VALUES (?, ?, ?, ?, ?, ?, ?,"
					+ " ?, ?, '00 00 00 00 00', 'invented', DATE '2026-01-01', " + geom + ")", args.toArray());
			for (String zone : o.zoneCommunes()) {
				jdbc.update("INSERT INTO offer_zone_commune (offer_id, commune_code)"
						+ " SELECT id, ? FROM offer WHERE name = ?", zone, o.name());
			}
		}
	}

	/** A 0.1°-wide invented square commune centred on its representative point. */
	private static void commune(JdbcTemplate jdbc, String code, String name, double lon, double lat) {
		String square = "MULTIPOLYGON(((%1$s %2$s, %3$s %2$s, %3$s %4$s, %1$s %4$s, %1$s %2$s)))".formatted(lon - 0.05,
				lat - 0.05, lon + 0.05, lat + 0.05);
		jdbc.update("INSERT INTO commune (code, name, departement_code, cog_year, geom, display_geom, rep_point)"
				+ " VALUES (?, ?, '48', 2026, ST_GeomFromText(?, 4326), ST_GeomFromText(?, 4326),"
				+ " ST_SetSRID(ST_MakePoint(?, ?), 4326))", code, name, square, square, lon, lat);
	}

}
