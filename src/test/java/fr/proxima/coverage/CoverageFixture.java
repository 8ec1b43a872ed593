package fr.proxima.coverage;

import java.util.Locale;

import fr.proxima.routing.StoredTimes;
import fr.proxima.routing.internal.TimeRow;
import fr.proxima.shared.OffersChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Invented communes and offers for coverage tests, written with plain JDBC in an invented
 * département 99 placed far from any real data (near lon 10, lat 0), so that imported
 * data in the same database cannot interfere; tests on a real road graph place them at
 * chosen coordinates instead ({@code communeAt}, {@code offerAt}). Removes only its own
 * rows. Like every writer of the store, it announces each change ({@link OffersChanged}),
 * so that the coverage module's in-memory data follows it.
 */
final class CoverageFixture {

	static final String DEPARTEMENT = "99";

	static final String SOURCE = "coverage-test";

	/** Longitude degrees per kilometre at the fixture's latitude (the equator). */
	static final double DEG_PER_KM = 1 / 111.195;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	CoverageFixture(JdbcTemplate jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Announces a change written outside the importers, as the product's writers do. */
	CoverageFixture changed() {
		events.publishEvent(new OffersChanged("coverage test fixture"));
		return this;
	}

	/** Removes this fixture's rows, then adds its département back. */
	CoverageFixture reset() {
		clear();
		jdbc.update("INSERT INTO departement (code, name) VALUES (?, 'Invented for tests')", DEPARTEMENT);
		return changed();
	}

	/** Removes every row this fixture wrote, the département included. */
	void clear() {
		jdbc.update("DELETE FROM scenario WHERE name LIKE 'test:%'");
		jdbc.update("DELETE FROM offer WHERE source_name = ?", SOURCE);
		jdbc.update("DELETE FROM travel_time_run WHERE graph_fingerprint = ?", SOURCE);
		jdbc.update("DELETE FROM population WHERE commune_code LIKE '99%'");
		jdbc.update("DELETE FROM commune WHERE departement_code = ?", DEPARTEMENT);
		jdbc.update("DELETE FROM departement WHERE code = ?", DEPARTEMENT);
		changed();
	}

	/**
	 * A commune whose representative point lies {@code xKm} east of (10, 0); a 1 km
	 * square polygon around it.
	 */
	CoverageFixture commune(String code, double xKm, Integer total, Integer aged75, Integer aged85) {
		return communeAt(code, 10 + xKm * DEG_PER_KM, 0, total, aged75, aged85);
	}

	/**
	 * A commune whose representative point is (lon, lat), with a polygon of about 1 km ×
	 * 1 km around it (for tests that place communes on a real road graph). Null figures:
	 * no census row.
	 */
	CoverageFixture communeAt(String code, double lon, double lat, Integer total, Integer aged75, Integer aged85) {
		double h = 0.5 * DEG_PER_KM;
		double w = h / Math.cos(Math.toRadians(lat));
		String square = String.format(Locale.ROOT,
				"MULTIPOLYGON(((%1$f %3$f, %2$f %3$f, %2$f %4$f, %1$f %4$f, %1$f %3$f)))", lon - w, lon + w, lat - h,
				lat + h);
		jdbc.update("""
				INSERT INTO commune (code, name, departement_code, cog_year, geom, display_geom, rep_point)
				VALUES (?, ?, ?, 2026, ST_GeomFromText(?, 4326), ST_GeomFromText(?, 4326), ST_GeomFromText(?, 4326))""",
				code, "Commune " + code, DEPARTEMENT, square, square, pointAt(lon, lat));
		if (total != null) {
			jdbc.update("INSERT INTO population (commune_code, census_year, total, aged_75_plus, aged_85_plus)"
					+ " VALUES (?, 2023, ?, ?, ?)", code, total, aged75, aged85);
		}
		return changed();
	}

	long offer(String name, String family, Integer capacity, double xKm) {
		return offerAt(name, family, capacity, 10 + xKm * DEG_PER_KM, 0);
	}

	long offerAt(String name, String family, Integer capacity, double lon, double lat) {
		jdbc.update("""
				INSERT INTO offer (name, family, audience, capacity, geom, source_name, imported_at)
				VALUES (?, ?, 'elderly', ?, ST_GeomFromText(?, 4326), ?, CURRENT_TIMESTAMP)""", name, family, capacity,
				pointAt(lon, lat), SOURCE);
		changed();
		return jdbc.queryForObject("SELECT id FROM offer WHERE name = ? AND source_name = ?", Long.class, name, SOURCE);
	}

	void move(long offerId, double xKm) {
		jdbc.update("UPDATE offer SET geom = ST_GeomFromText(?, 4326) WHERE id = ?", point(xKm), offerId);
		changed();
	}

	/** A chosen travel time in the precomputed table, the same both ways. */
	CoverageFixture time(long offerId, String commune, double minutes) {
		float seconds = (float) (minutes * 60);
		StoredTimes.put(jdbc, new TimeRow(offerId, commune, seconds, seconds, 0, "network"));
		return this;
	}

	CoverageFixture precomputeRun(int cutoffSeconds) {
		jdbc.update("""
				INSERT INTO travel_time_run (graph_fingerprint, offers_fingerprint, cutoff_seconds, pairs, started_at,
				    finished_at) VALUES (?, 'test', ?, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""", SOURCE,
				cutoffSeconds);
		return this;
	}

	static String point(double xKm) {
		return pointAt(10 + xKm * DEG_PER_KM, 0);
	}

	static String pointAt(double lon, double lat) {
		return String.format(Locale.ROOT, "POINT(%f %f)", lon, lat);
	}

}
