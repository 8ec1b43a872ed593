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
import java.util.stream.Collectors;

import fr.proxima.offers.Family;
import fr.proxima.routing.Leg;
import fr.proxima.routing.TravelMethod;
import fr.proxima.routing.TravelTimes;
import fr.proxima.shared.Geo;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads what the coverage computations need, on every imported commune and offer
 * (neighbouring départements included, for border effects): the territory, the offers of
 * some families, and their sparse travel-time matrix. Times of existing offers come from
 * the precomputed {@code offer_commune_time} table; an offer without rows there (or a
 * hypothetical site, or a horizon beyond the precompute cutoff) is computed on the fly
 * with {@link TravelTimes}, one tree per site.
 */
@Component
public class AccessData {

	private static final Logger log = LoggerFactory.getLogger(AccessData.class);

	/**
	 * No road trip beats this average speed, so communes farther than horizon × speed in
	 * a straight line are not asked of the travel-time engine at all.
	 */
	private static final double MAX_SPEED_METRES_PER_SECOND = 130 / 3.6;

	private final JdbcTemplate jdbc;

	private final TravelTimes travelTimes;

	public AccessData(JdbcTemplate jdbc, TravelTimes travelTimes) {
		this.jdbc = jdbc;
		this.travelTimes = travelTimes;
	}

	public TravelMethod engineMethod() {
		return travelTimes.method();
	}

	public Territory territory() {
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
		return jdbc
			.query("""
					SELECT p.commune_code, p.total, p.aged_75_plus, p.aged_85_plus FROM population p
					WHERE NOT EXISTS (SELECT 1 FROM commune c WHERE c.code = p.commune_code) ORDER BY p.commune_code""",
					(rs, n) -> new Census(rs.getString(1), rs.getObject(2, Integer.class),
							rs.getObject(3, Integer.class), rs.getObject(4, Integer.class)))
			.stream()
			.filter(c -> departements.stream().anyMatch(d -> c.code().startsWith(d)))
			.toList();
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
		if (families.isEmpty()) {
			return List.of();
		}
		return jdbc.query(
				"SELECT id, name FROM offer WHERE geom IS NULL AND family IN (" + placeholders(families.size())
						+ ") ORDER BY id",
				(rs, n) -> new Named(rs.getLong(1), rs.getString(2)), families.stream().map(Family::code).toArray());
	}

	/**
	 * Existing offers of these families that have a location, with their declared zones.
	 */
	public List<Site> offers(Set<Family> families) {
		if (families.isEmpty()) {
			return List.of();
		}
		String in = placeholders(families.size());
		Object[] codes = families.stream().map(Family::code).toArray();
		Map<Long, Set<String>> zones = new HashMap<>();
		jdbc.query("SELECT z.offer_id, z.commune_code FROM offer_zone_commune z JOIN offer o ON o.id = z.offer_id"
				+ " WHERE o.family IN (" + in + ")", rs -> {
					zones.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
				}, codes);
		WKBReader wkb = new WKBReader(Geo.FACTORY);
		PreparedGeometryFactory prepared = new PreparedGeometryFactory();
		return jdbc.query("""
				SELECT o.id, o.name, o.family, o.capacity, ST_X(o.geom), ST_Y(o.geom), c.departement_code,
				       ST_AsBinary(o.zone_geom)
				FROM offer o LEFT JOIN commune c ON c.code = o.commune_code
				WHERE o.geom IS NOT NULL AND o.family IN (""" + in + ") ORDER BY o.id", (rs, n) -> {
			long id = rs.getLong(1);
			byte[] zone = rs.getBytes(8);
			Integer capacity = (Integer) rs.getObject(4, Integer.class);
			return new Site(id, rs.getString(2), Family.fromCode(rs.getString(3)), capacity,
					Geo.point(rs.getDouble(5), rs.getDouble(6)), rs.getString(7), zones.getOrDefault(id, Set.of()),
					zone == null ? null : prepared.create(read(wkb, zone)));
		}, codes);
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
		Map<Long, TimeMatrix> table = tableRows(territory, sites, horizonSeconds);
		TimeMatrix.Builder builder = TimeMatrix.builder(territory.size());
		int onTheFly = 0;
		for (Site site : sites) {
			TimeMatrix row = site.id() == null ? null : table.get(site.id());
			if (row == null) {
				onTheFly++;
				row = computeRow(territory, site.point(), allColumns(territory), horizonSeconds, !site.outward());
			}
			for (int e = 0; e < row.entries(); e++) {
				int i = row.column(e);
				if (!limitToZones || site.limitedTo(territory.code(i), territory.point(i))) {
					builder.add(i, row.seconds(e), row.estimate(e));
				}
			}
			builder.endRow();
		}
		TimeMatrix m = builder.build();
		log.info(
				"Travel-time matrix: {} sites × {} communes, {} pairs within {} min ({} sites from the table, {} on the fly)",
				sites.size(), territory.size(), m.entries(), Math.round(horizonSeconds / 60), sites.size() - onTheFly,
				onTheFly);
		return m;
	}

	/**
	 * Times from (or to) one point for the given columns, computed now with the
	 * travel-time engine: a one-row matrix.
	 */
	public TimeMatrix computeRow(Territory territory, Point point, int[] columns, double horizonSeconds,
			boolean toSource) {
		double radius = horizonSeconds * MAX_SPEED_METRES_PER_SECOND;
		List<Point> targets = new ArrayList<>();
		List<Integer> targetColumns = new ArrayList<>();
		for (int i : columns) {
			if (Geo.haversineMetres(point, territory.point(i)) <= radius) {
				targets.add(territory.point(i));
				targetColumns.add(i);
			}
		}
		List<Leg> legs = targets.isEmpty() ? List.of()
				: travelTimes.oneToMany(point, targets, horizonSeconds, toSource);
		TimeMatrix.Builder row = TimeMatrix.builder(territory.size());
		for (int t = 0; t < legs.size(); t++) {
			Leg leg = legs.get(t);
			if (leg.reachable() && leg.seconds() <= horizonSeconds) {
				row.add(targetColumns.get(t), leg.seconds(), leg.method() == TravelMethod.ESTIMATE);
			}
		}
		return row.endRow().build();
	}

	public static int[] allColumns(Territory territory) {
		int[] all = new int[territory.size()];
		Arrays.setAll(all, i -> i);
		return all;
	}

	/**
	 * One-row matrices from the precomputed table for the existing sites, in each site's
	 * direction and within the horizon; none when the last precompute stopped short of
	 * the horizon.
	 */
	private Map<Long, TimeMatrix> tableRows(Territory territory, List<Site> sites, double horizonSeconds) {
		Set<Family> families = sites.stream().filter(s -> s.id() != null).map(Site::family).collect(Collectors.toSet());
		if (families.isEmpty()) {
			return Map.of();
		}
		List<Integer> cutoff = jdbc.queryForList(
				"SELECT cutoff_seconds FROM travel_time_run ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", Integer.class);
		if (!cutoff.isEmpty() && cutoff.get(0) < horizonSeconds) {
			log.info("Precomputed travel times stop at {} min, short of the {} min asked: computing on the fly",
					cutoff.get(0) / 60, Math.round(horizonSeconds / 60));
			return Map.of();
		}
		Map<Long, Boolean> outward = new HashMap<>();
		sites.stream().filter(s -> s.id() != null).forEach(s -> outward.put(s.id(), s.outward()));
		Map<Long, TimeMatrix.Builder> rows = new HashMap<>();
		jdbc.query("SELECT t.offer_id, t.commune_code, t.seconds_out, t.seconds_in, t.method FROM offer_commune_time t"
				+ " JOIN offer o ON o.id = t.offer_id WHERE o.family IN (" + placeholders(families.size()) + ")",
				rs -> {
					Boolean out = outward.get(rs.getLong(1));
					int i = territory.indexOf(rs.getString(2));
					Object seconds = out == null ? null : rs.getObject(out ? 3 : 4);
					if (i >= 0 && seconds != null && ((Number) seconds).doubleValue() <= horizonSeconds) {
						rows.computeIfAbsent(rs.getLong(1), k -> TimeMatrix.builder(territory.size()))
							.add(i, ((Number) seconds).doubleValue(),
									TravelMethod.ESTIMATE.code().equals(rs.getString(5)));
					}
				}, families.stream().map(Family::code).toArray());
		Map<Long, TimeMatrix> built = new HashMap<>();
		rows.forEach((id, b) -> built.put(id, b.endRow().build()));
		return built;
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
