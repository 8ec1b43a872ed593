package fr.proxima.tours;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fr.proxima.accounts.Role;
import fr.proxima.importing.DirectoryImportReport;
import fr.proxima.importing.ImportReport;
import fr.proxima.importing.ImportService;
import fr.proxima.support.InventedPlaces;
import fr.proxima.support.SharedData;
import fr.proxima.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Lozère communes (imported once per test class and database), two invented
 * home-care organisations A and B with their coordinators, a planner and an admin. Visits
 * are invented points around real villages.
 */
abstract class ToursFixture {

	private static final Set<Class<?>> imported = new HashSet<>();

	/** Mende, Marvejols, Florac: [lon, lat] of a street in each. */
	static final double[] MENDE = { 3.4993, 44.5181 }, MARVEJOLS = { 3.2914, 44.5536 }, FLORAC = { 3.5933, 44.3242 };

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportService imports;

	long orgA;

	long orgB;

	RequestPostProcessor coordinatorA;

	RequestPostProcessor coordinatorB;

	RequestPostProcessor planner;

	RequestPostProcessor admin;

	/** Whether the tests need the Lozère communes (the Andorra test does not). */
	boolean needsLozere() {
		return true;
	}

	@BeforeEach
	void lozereAndOrganisations() {
		if (needsLozere() && imported.add(getClass())) {
			InventedPlaces.clear(jdbc);
			DirectoryImportReport report = imports.importDirectory(SharedData.root());
			assertThat(report.status()).as(report.toString()).isEqualTo(ImportReport.Status.SUCCEEDED);
		}
		orgA = organisation("SSIAD INVENTÉ A", MENDE);
		orgB = organisation("SAAD INVENTÉ B", FLORAC);
		coordinatorA = TestUsers.as(jdbc, "coord-a@test.proxima.fr", List.of(orgA), Role.COORDINATOR);
		coordinatorB = TestUsers.as(jdbc, "coord-b@test.proxima.fr", List.of(orgB), Role.COORDINATOR);
		planner = TestUsers.planner(jdbc);
		admin = TestUsers.as(jdbc, "admin@test.proxima.fr", List.of(), Role.ADMIN);
	}

	/** An organisation (created once) with one SSIAD office at {@code premises}. */
	long organisation(String name, double[] premises) {
		List<Long> ids = jdbc.queryForList("SELECT id FROM organisation WHERE name = ?", Long.class, name);
		if (!ids.isEmpty()) {
			return ids.get(0);
		}
		jdbc.update("INSERT INTO organisation (name) VALUES (?)", name);
		long id = jdbc.queryForObject("SELECT id FROM organisation WHERE name = ?", Long.class, name);
		jdbc.update(
				"INSERT INTO offer (organisation_id, name, family, audience, geom, source_name, imported_at)"
						+ " VALUES (?, ?, 'ssiad', 'elderly', ST_GeomFromText(?, 4326), 'test', CURRENT_TIMESTAMP)",
				id, name, String.format(Locale.ROOT, "POINT(%f %f)", premises[0], premises[1]));
		return id;
	}

	/**
	 * A JSON tour of {@code n} visits spread around {@code near}, windows every 40 min.
	 */
	static String tourJson(String date, String caregiver, double[] near, int n) {
		StringBuilder visits = new StringBuilder();
		for (int i = 0; i < n; i++) {
			int from = 8 * 60 + 30 + 40 * i;
			visits.append(i == 0 ? "" : ",")
				.append(String.format(Locale.ROOT,
						"{\"lon\":%.5f,\"lat\":%.5f,\"from\":\"%02d:%02d\",\"to\":\"%02d:%02d\",\"durationMinutes\":20,"
								+ "\"careType\":\"hygiene\"}",
						near[0] + 0.004 * Math.cos(i), near[1] + 0.003 * Math.sin(i), from / 60, from % 60,
						(from + 60) / 60, (from + 60) % 60));
		}
		return "{\"date\":\"" + date + "\",\"caregiver\":\"" + caregiver + "\",\"departure\":\"08:00\",\"visits\":["
				+ visits + "]}";
	}

}
