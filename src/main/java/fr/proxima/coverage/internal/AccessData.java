package fr.proxima.coverage.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import fr.proxima.offers.Family;
import fr.proxima.routing.Leg;
import fr.proxima.routing.TravelMethod;
import fr.proxima.routing.TravelTimes;
import fr.proxima.shared.CachesStale;
import fr.proxima.shared.Geo;
import fr.proxima.shared.OffersChanged;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the coverage computations need, on every imported commune and offer (neighbouring
 * départements included, for border effects): the territory, the offers of some families,
 * and their sparse travel-time matrix. Times of existing offers come from the precomputed
 * {@code offer_times} table; an offer without times there (or a hypothetical site, or a
 * horizon beyond the precompute cutoff) is computed on the fly with {@link TravelTimes},
 * one tree per site.
 * <p>
 * Everything read from the store is kept in memory per data version: the communes and
 * offers until the next {@link OffersChanged} (published after every committed import or
 * edit), the precomputed times until another travel-time run commits. Concurrent requests
 * share one load; every request asks the store only which run is the latest.
 */
@Component
public class AccessData {

	private static final Logger log = LoggerFactory.getLogger(AccessData.class);

	private final JdbcTemplate jdbc;

	private final TravelTimes travelTimes;

	/** Bumped by every committed change of communes, population or offers. */
	private final AtomicLong generation = new AtomicLong();

	private volatile Snapshot snapshot;

	private volatile PrecomputedTimes times = PrecomputedTimes.NONE;

	public AccessData(JdbcTemplate jdbc, TravelTimes travelTimes) {
		this.jdbc = jdbc;
		this.travelTimes = travelTimes;
	}

	/** The store's communes and offers as read at one generation. */
	private record Snapshot(long generation, Territory territory, List<Site> sites, List<Census> unplaced,
			List<Unlocated> unlocated) {
	}

	private record Unlocated(long id, String name, Family family) {
	}

	@EventListener
	void onOffersChanged(OffersChanged event) {
		generation.incrementAndGet();
	}

	/** Another instance changed the store (issue 16): reload as after a local change. */
	@EventListener
	void onCachesStale(CachesStale event) {
		generation.incrementAndGet();
	}

	private Snapshot snapshot() {
		Snapshot s = snapshot;
		long g = generation.get();
		if (s != null && s.generation() == g) {
			return s;
		}
		synchronized (this) {
			s = snapshot;
			if (s == null || s.generation() != generation.get()) {
				long loading = generation.get();
				long start = System.nanoTime();
				Territory territory = loadTerritory();
				s = new Snapshot(loading, territory, loadSites(), loadUnplacedCensus(), loadUnlocated());
				snapshot = s;
				log.info("Coverage data loaded: {} communes, {} located offers in {} ms", territory.size(),
						s.sites().size(), (System.nanoTime() - start) / 1_000_000);
			}
			return s;
		}
	}

	/**
	 * The precomputed times of the latest run, loaded once per run: after an incremental
	 * run (one edited offer), only what it changed is read; a new snapshot of the same
	 * communes keeps the rows.
	 */
	private PrecomputedTimes times(Territory territory) {
		List<long[]> latest = jdbc.query(
				"SELECT id, cutoff_seconds FROM travel_time_run ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
				(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) });
		if (latest.isEmpty()) {
			return PrecomputedTimes.NONE;
		}
		long runId = latest.get(0)[0];
		int cutoff = (int) latest.get(0)[1];
		PrecomputedTimes t = times;
		if (t.isFor(runId, territory)) {
			return t;
		}
		synchronized (this) {
			t = times;
			if (!t.isFor(runId, territory)) {
				long start = System.nanoTime();
				PrecomputedTimes next = null;
				if (t.runId != null && t.runId == runId && t.cutoffSeconds == cutoff
						&& t.territory.sameColumns(territory)) {
					next = t.withTerritory(territory);
				}
				else if (t.runId != null && t.runId < runId) {
					next = t.advance(jdbc, territory, runId, cutoff);
				}
				String how = next == null ? "loaded" : "updated from run " + t.runId;
				t = next != null ? next : PrecomputedTimes.load(jdbc, territory, runId, cutoff);
				times = t;
				log.info("Precomputed travel times of run {} {}: {} offers in {} ms", runId, how, t.offers(),
						(System.nanoTime() - start) / 1_000_000);
			}
			return t;
		}
	}

	public TravelMethod engineMethod() {
		return travelTimes.method();
	}

	public Territory territory() {
		return snapshot().territory();
	}

	private Territory loadTerritory() {
		List<Territory.Commune> rows = jdbc.query("""
				SELECT c.code, c.name, c.departement_code, ST_X(c.rep_point) AS lon, ST_Y(c.rep_point) AS lat,
				       p.total, p.aged_75_plus, p.aged_85_plus
				FROM commune c LEFT JOIN population p ON p.commune_code = c.code ORDER BY c.code""",
				(rs, n) -> new Territory.Commune(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
						rs.getDouble(5), intOrMissing(rs.getObject(6)), intOrMissing(rs.getObject(7)),
						intOrMissing(rs.getObject(8))));
		return Territory.of(rows);
	}

	/** Census figures of one commune code. */
	public record Census(String code, Integer population, Integer aged75Plus, Integer aged85Plus) {
	}

	/**
	 * Census rows of these départements whose commune is not in the store (no boundary
	 * was imported for it): they take part in no computation.
	 */
	public List<Census> unplacedCensus(Collection<String> departements) {
		return snapshot().unplaced()
			.stream()
			.filter(c -> departements.stream().anyMatch(d -> c.code().startsWith(d)))
			.toList();
	}

	private List<Census> loadUnplacedCensus() {
		return jdbc.query("""
				SELECT p.commune_code, p.total, p.aged_75_plus, p.aged_85_plus FROM population p
				WHERE NOT EXISTS (SELECT 1 FROM commune c WHERE c.code = p.commune_code) ORDER BY p.commune_code""",
				(rs, n) -> new Census(rs.getString(1), rs.getObject(2, Integer.class), rs.getObject(3, Integer.class),
						rs.getObject(4, Integer.class)));
	}

	private static int intOrMissing(Object value) {
		return value == null ? -1 : ((Number) value).intValue();
	}

	/** An offer by id and name. */
	public record Named(long id, String name) {
	}

	/**
	 * Offers of these families without a location: no travel time can be computed for
	 * them.
	 */
	public List<Named> unlocatedOffers(Set<Family> families) {
		return snapshot().unlocated()
			.stream()
			.filter(o -> families.contains(o.family()))
			.map(o -> new Named(o.id(), o.name()))
			.toList();
	}

	private List<Unlocated> loadUnlocated() {
		return jdbc.query("SELECT id, name, family FROM offer WHERE geom IS NULL ORDER BY id",
				(rs, n) -> new Unlocated(rs.getLong(1), rs.getString(2), Family.fromCode(rs.getString(3))));
	}

	/**
	 * Existing offers of these families that have a location, with their declared zones.
	 */
	public List<Site> offers(Set<Family> families) {
		return snapshot().sites().stream().filter(site -> families.contains(site.family())).toList();
	}

	private List<Site> loadSites() {
		Map<Long, Set<String>> zones = new HashMap<>();
		jdbc.query("SELECT offer_id, commune_code FROM offer_zone_commune", rs -> {
			zones.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
		});
		WKBReader wkb = new WKBReader(Geo.FACTORY);
		PreparedGeometryFactory prepared = new PreparedGeometryFactory();
		return jdbc.query("""
				SELECT o.id, o.name, o.family, o.capacity, ST_X(o.geom), ST_Y(o.geom), c.departement_code,
				       ST_AsBinary(o.zone_geom)
				FROM offer o LEFT JOIN commune c ON c.code = o.commune_code
				WHERE o.geom IS NOT NULL ORDER BY o.id""", (rs, n) -> {
			long id = rs.getLong(1);
			byte[] zone = rs.getBytes(8);
			Integer capacity = (Integer) rs.getObject(4, Integer.class);
			return new Site(id, rs.getString(2), Family.fromCode(rs.getString(3)), capacity,
					Geo.point(rs.getDouble(5), rs.getDouble(6)), rs.getString(7), zones.getOrDefault(id, Set.of()),
					zone == null ? null : prepared.create(read(wkb, zone)));
		});
	}

	private static Geometry read(WKBReader reader, byte[] wkb) {
		try {
			return reader.read(wkb);
		}
		catch (ParseException e) {
			throw new IllegalStateException("Unreadable zone geometry in the offer table", e);
		}
	}

	/**
	 * The sparse matrix of these sites × every commune of the territory, keeping pairs
	 * within {@code horizonSeconds}. Services at home count from the site to the commune,
	 * establishments from the commune to the site.
	 * @param limitToZones whether home-care services with a declared zone only reach the
	 * communes they declare
	 */
	public TimeMatrix matrix(Territory territory, List<Site> sites, double horizonSeconds, boolean limitToZones) {
		PrecomputedTimes table = times(territory);
		if (table.cutoffSeconds < horizonSeconds) {
			log.info("Precomputed travel times stop at {} min, short of the {} min asked: computing on the fly",
					table.cutoffSeconds / 60, Math.round(horizonSeconds / 60));
			table = PrecomputedTimes.NONE;
		}
		TimeMatrix.Builder builder = TimeMatrix.builder(territory.size());
		int onTheFly = 0;
		ColumnGrid everyColumn = null;
		for (Site site : sites) {
			PrecomputedTimes.Row row = site.id() == null ? null : table.row(site.id());
			// asked once per site, not per pair: only a service at home with a zone
			// limits
			boolean zoned = limitToZones && site.outward() && site.hasZone();
			if (row != null) {
				float[] seconds = site.outward() ? row.out() : row.in();
				for (int e = 0; e < seconds.length; e++) {
					int i = row.communes()[e];
					if (seconds[e] <= horizonSeconds
							&& (!zoned || site.limitedTo(territory.code(i), territory.point(i)))) {
						builder.add(i, seconds[e], row.estimate()[e]);
					}
				}
			}
			else {
				onTheFly++;
				if (everyColumn == null) {
					everyColumn = columnGrid(territory, allColumns(territory), horizonSeconds);
				}
				TimeMatrix computed = computeRow(everyColumn, site.point(), horizonSeconds, !site.outward());
				for (int e = 0; e < computed.entries(); e++) {
					int i = computed.column(e);
					if (!zoned || site.limitedTo(territory.code(i), territory.point(i))) {
						builder.add(i, computed.seconds(e), computed.estimate(e));
					}
				}
			}
			builder.endRow();
		}
		TimeMatrix m = builder.build();
		log.debug(
				"Travel-time matrix: {} sites × {} communes, {} pairs within {} min ({} sites from the table, {} on the fly)",
				sites.size(), territory.size(), m.entries(), Math.round(horizonSeconds / 60), sites.size() - onTheFly,
				onTheFly);
		return m;
	}

	/**
	 * The sites whose row of {@link #matrix} would hold an entry on a reported column
	 * (issue 15): the others change nothing that is reported about those communes (their
	 * nearest offer, their E2SFCA index, whose ratios come from whole rows, the supply
	 * that serves them), and dropping them makes a département's answer cost what its
	 * neighbourhood holds instead of the whole of France. Sites without precomputed times
	 * are kept.
	 */
	public List<Site> reaching(Territory territory, List<Site> sites, boolean[] reported, double horizonSeconds,
			boolean limitToZones) {
		PrecomputedTimes table = times(territory);
		if (table.cutoffSeconds < horizonSeconds) {
			return sites;
		}
		List<Site> kept = new ArrayList<>();
		for (Site site : sites) {
			PrecomputedTimes.Row row = site.id() == null ? null : table.row(site.id());
			if (row == null || row.reaches(territory, site, reported, horizonSeconds, limitToZones)) {
				kept.add(site);
			}
		}
		return kept;
	}

	/**
	 * The columns bucketed for {@link #computeRow(ColumnGrid, Point, double, boolean)}
	 * within this horizon: build it once for many rows over the same columns.
	 */
	public ColumnGrid columnGrid(Territory territory, int[] columns, double horizonSeconds) {
		return new ColumnGrid(territory, columns, reachMetres(horizonSeconds));
	}

	/**
	 * Communes farther than this in a straight line are not asked of the travel-time
	 * engine at all: its own bound (the network's fastest speed, or the estimate's radius
	 * when it answers only estimates), and a metre for rounding.
	 */
	private double reachMetres(double horizonSeconds) {
		return travelTimes.reachRadiusMetres(horizonSeconds) + 1;
	}

	/**
	 * Times from (or to) one point for the grid's columns within reach of the horizon
	 * (within {@link #reachMetres}), computed now: a one-row matrix.
	 */
	public TimeMatrix computeRow(ColumnGrid grid, Point point, double horizonSeconds, boolean toSource) {
		Territory territory = grid.territory();
		int[] near = grid.within(point, reachMetres(horizonSeconds));
		List<Point> targets = new ArrayList<>(near.length);
		for (int i : near) {
			targets.add(territory.point(i));
		}
		List<Leg> legs = targets.isEmpty() ? List.of()
				: travelTimes.oneToMany(point, targets, horizonSeconds, toSource);
		TimeMatrix.Builder row = TimeMatrix.builder(territory.size());
		for (int t = 0; t < legs.size(); t++) {
			Leg leg = legs.get(t);
			if (leg.reachable() && leg.seconds() <= horizonSeconds) {
				row.add(near[t], leg.seconds(), leg.method() == TravelMethod.ESTIMATE);
			}
		}
		return row.endRow().build();
	}

	public static int[] allColumns(Territory territory) {
		int[] all = new int[territory.size()];
		Arrays.setAll(all, i -> i);
		return all;
	}

	/** Display polygons of communes, for GeoJSON layers. */
	public Map<String, Geometry> displayGeometries(Collection<String> codes) {
		Map<String, Geometry> shapes = new LinkedHashMap<>();
		if (codes.isEmpty()) {
			return shapes;
		}
		WKBReader wkb = new WKBReader(Geo.FACTORY);
		List<String> list = List.copyOf(codes);
		for (int from = 0; from < list.size(); from += 500) {
			List<String> chunk = list.subList(from, Math.min(list.size(), from + 500));
			jdbc.query("SELECT code, ST_AsBinary(display_geom) FROM commune WHERE code IN ("
					+ placeholders(chunk.size()) + ")", rs -> {
						shapes.put(rs.getString(1), Geo.withSrid(read(wkb, rs.getBytes(2))));
					}, chunk.toArray());
		}
		return shapes;
	}

	private static String placeholders(int n) {
		return String.join(",", java.util.Collections.nCopies(n, "?"));
	}

}
