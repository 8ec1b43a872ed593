package fr.proxima.importing.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.proxima.importing.ImportReport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * EHPAD installed capacities (the {@code ehpad_capacite_prix_*.csv} layout:
 * {@code finess_et}, {@code capacite_places_hp}, {@code gestionnaire_nom},
 * {@code gestionnaire_siren}, {@code statut_gestionnaire}). Enriches offers already
 * imported from FINESS: their capacity, and the name, SIREN and status of their
 * organisation. Rows whose FINESS number is not in the store are skipped and reported.
 */
@Component
public class EhpadCapacityImporter {

	private final JdbcTemplate jdbc;

	EhpadCapacityImporter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public static boolean recognises(String headerLine) {
		Delimited.Header header = Delimited.Header.of(Delimited.split(headerLine, Delimited.separatorOf(headerLine)));
		return header.has("finess_et") && header.has("capacite_places_hp");
	}

	public void run(List<Path> files, ImportReport report) {
		Map<String, Long> offers = Db.ids(jdbc, "SELECT finess_et, id FROM offer WHERE finess_et IS NOT NULL");
		List<Object[]> capacities = new ArrayList<>();
		List<Object[]> organisations = new ArrayList<>();
		for (Path path : files) {
			TextFile text = TextFile.read(path);
			report.addFile(path.toString());
			String file = text.name();
			String headerLine = text.lines().isEmpty() ? "" : text.lines().get(0);
			if (!recognises(headerLine)) {
				report.error(file, 1L, null,
						"wrong layout: expected a CSV header with finess_et and capacite_places_hp");
				continue;
			}
			char sep = Delimited.separatorOf(headerLine);
			Delimited.Header header = Delimited.Header.of(Delimited.split(headerLine, sep));
			for (int i = 1; i < text.lines().size(); i++) {
				if (text.lines().get(i).isBlank()) {
					continue;
				}
				long line = i + 1;
				report.read();
				List<String> row = Delimited.split(text.lines().get(i), sep);
				String et = header.get(row, "finess_et");
				String capacity = header.get(row, "capacite_places_hp");
				if (!et.matches("\\d[\\dAB]\\d{7}")) {
					report.error(file, line, "finess_et", "invalid FINESS number '" + et + "'");
					continue;
				}
				if (!capacity.isEmpty() && !capacity.matches("\\d+")) {
					report.error(file, line, "capacite_places_hp", "not a whole number of places: '" + capacity + "'");
					continue;
				}
				Long offerId = offers.get(et);
				if (offerId == null) {
					report.warn(file + ":" + line + ": FINESS " + et
							+ " is not in the store (import FINESS first); row skipped");
					report.skipped();
					continue;
				}
				capacities.add(new Object[] { capacity.isEmpty() ? null : Integer.valueOf(capacity), offerId });
				String siren = header.get(row, "gestionnaire_siren");
				organisations.add(new Object[] { emptyToNull(header.get(row, "gestionnaire_nom")),
						siren.matches("\\d{9}") ? siren : null, emptyToNull(header.get(row, "statut_gestionnaire")),
						offerId });
			}
		}
		if (!report.failed()) {
			Db.batch(jdbc, "UPDATE offer SET capacity = COALESCE(?, capacity) WHERE id = ?", capacities);
			Db.batch(jdbc,
					"UPDATE organisation SET name = COALESCE(?, name), siren = COALESCE(?, siren),"
							+ " type = COALESCE(?, type) WHERE id = (SELECT organisation_id FROM offer WHERE id = ?)",
					organisations);
			report.updated(capacities.size());
		}
	}

	private static String emptyToNull(String s) {
		return s.isEmpty() ? null : s;
	}

}
