package fr.proxima.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import fr.proxima.offers.Audience;
import fr.proxima.offers.Family;
import fr.proxima.routing.internal.Polygons;
import fr.proxima.shared.Geo;
import fr.proxima.shared.InvalidInputException;
import fr.proxima.shared.NotFoundException;
import fr.proxima.territory.Commune;
import fr.proxima.territory.CommuneRepository;
import fr.proxima.territory.Departement;
import fr.proxima.territory.DepartementRepository;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Travel-time questions that involve the store: coverage of an area by several sources,
 * nearest offers.
 */
@Service
public class ReachService {

	/**
	 * Most candidate offers routed for one nearest-offers request (the closest in
	 * straight line are kept).
	 */
	static final int MAX_CANDIDATES = 5000;

	private final TravelTimeEngine engine;

	private final DepartementRepository departements;

	private final CommuneRepository communes;

	private final JdbcTemplate jdbc;

	public ReachService(TravelTimeEngine engine, DepartementRepository departements, CommuneRepository communes,
			JdbcTemplate jdbc) {
		this.engine = engine;
		this.departements = departements;
		this.communes = communes;
		this.jdbc = jdbc;
	}

	/** The polygon of a département (404 when unknown). */
	public MultiPolygon departementArea(String code) {
		return departements.findById(code)
			.map(Departement::getGeom)
			.orElseThrow(() -> new NotFoundException("No département with code " + code));
	}

	/** The polygon of a commune (404 when unknown). */
	public MultiPolygon communeArea(String code) {
		return communes.findById(code)
			.map(Commune::getGeom)
			.orElseThrow(() -> new NotFoundException("No commune with code " + code));
	}

	/**
	 * The union of the sources' isochrones for {@code minutes}, and its complement within
	 * {@code area} (when not null).
	 */
	public CoverageArea coverage(List<Point> sources, int minutes, String profile, boolean toSources,
			MultiPolygon area) {
		RoutingSettings.Limits limits = engine.settings().limits();
		if (sources.isEmpty()) {
			throw new InvalidInputException("Give at least one source");
		}
		if (sources.size() > limits.maxSources()) {
			throw new InvalidInputException(HttpStatus.CONTENT_TOO_LARGE, sources.size()
					+ " sources exceed the limit of " + limits.maxSources() + " (proxima.routing.limits.max-sources)");
		}
		engine.checkMinutes(minutes);
		String p = engine.profile(profile);
		Deadline deadline = Deadline.in(limits.requestTimeoutSeconds());
		List<Geometry> reached = new ArrayList<>(sources.size());
		List<Snapping> snappings = new ArrayList<>(sources.size());
		for (Point source : sources) {
			deadline.run();
			Isochrone iso = engine.isochrone(source, List.of(minutes), p, toSources);
			snappings.add(iso.origin());
			reached.add(iso.bands().get(0).reach());
		}
		MultiPolygon covered = Polygons.polygonal(UnaryUnionOp.union(reached));
		MultiPolygon uncovered = area == null ? null : Polygons.polygonal(area.difference(covered));
		boolean allNetwork = snappings.stream().allMatch(s -> s.method() == TravelMethod.NETWORK);
		return new CoverageArea(minutes, snappings, allNetwork ? TravelMethod.NETWORK : TravelMethod.ESTIMATE, covered,
				area, uncovered);
	}

	/**
	 * The {@code limit} offers reached soonest from {@code point} (or reaching it soonest
	 * when {@code toPoint}) within {@code cutoffMinutes}: candidates are prefiltered in
	 * straight line with the radius reachable in that time, then timed with one
	 * shortest-path tree. An audience filter keeps offers for that audience and offers
	 * for all; no family (null or empty) means every family. With a {@code commune}, each
	 * offer says whether its declared zone (commune list or polygon holding the commune's
	 * representative point) serves that commune.
	 */
	public List<NearbyOffer> nearestOffers(Point point, int limit, Collection<Family> families, Audience audience,
			int cutoffMinutes, String profile, boolean toPoint) {
		return nearestOffers(point, limit, families, audience, cutoffMinutes, profile, toPoint, null);
	}

	/** {@link #nearestOffers} with the declared zones compared with {@code commune}. */
	public List<NearbyOffer> nearestOffers(Point point, int limit, Collection<Family> families, Audience audience,
			int cutoffMinutes, String profile, boolean toPoint, String commune) {
		int maxNearest = engine.settings().limits().maxNearest();
		if (limit < 1) {
			throw new InvalidInputException("limit must be at least 1, got " + limit);
		}
		if (limit > maxNearest) {
			throw new InvalidInputException(HttpStatus.CONTENT_TOO_LARGE, "limit must be between 1 and " + maxNearest
					+ " (proxima.routing.limits.max-nearest), got " + limit);
		}
		engine.checkMinutes(cutoffMinutes);
		String p = engine.profile(profile);
		double cutoffSeconds = cutoffMinutes * 60.0;
		List<Candidate> candidates = candidates(point, engine.reachRadiusMetres(cutoffSeconds, p), families, audience,
				commune);
		List<Point> targets = candidates.stream().map(c -> Geo.point(c.lon(), c.lat())).toList();
		Matrix matrix = engine.legs(List.of(point), targets, cutoffSeconds, p, toPoint,
				Deadline.in(engine.settings().limits().requestTimeoutSeconds()));
		List<NearbyOffer> found = new ArrayList<>();
		for (int i = 0; i < candidates.size(); i++) {
			Leg leg = matrix.legs()[0][i];
			if (leg.reachable()) {
				Candidate c = candidates.get(i);
				found.add(new NearbyOffer(c.id(), c.name(), c.family(), c.audience(), c.lon(), c.lat(), leg,
						matrix.targets().get(i), c.categoryLabel(), c.communeCode(), c.city(), c.declaredZone(),
						c.declaredZone() && commune != null ? c.servesCommune() : null));
			}
		}
		found.sort(Comparator.comparingDouble(o -> o.leg().seconds()));
		return found.subList(0, Math.min(limit, found.size()));
	}

	private record Candidate(long id, String name, String family, String audience, double lon, double lat,
			double straightMetres, String categoryLabel, String communeCode, String city, boolean declaredZone,
			boolean servesCommune) {
	}

	private static final String HAS_ZONE = "(o.zone_geom IS NOT NULL"
			+ " OR EXISTS (SELECT 1 FROM offer_zone_commune z WHERE z.offer_id = o.id))";

	private static final String SERVES = "(EXISTS (SELECT 1 FROM offer_zone_commune z WHERE z.offer_id = o.id"
			+ " AND z.commune_code = ?) OR (o.zone_geom IS NOT NULL AND ST_Contains(o.zone_geom,"
			+ " (SELECT c.rep_point FROM commune c WHERE c.code = ?))))";

	private List<Candidate> candidates(Point point, double radiusMetres, Collection<Family> families, Audience audience,
			String commune) {
		double dLat = Math.toDegrees(radiusMetres / 6_371_008.8);
		double dLon = dLat / Math.cos(Math.toRadians(point.getY()));
		List<Object> args = new ArrayList<>();
		String serves = "FALSE";
		if (commune != null) {
			serves = SERVES;
			args.add(commune);
			args.add(commune);
		}
		StringBuilder sql = new StringBuilder("SELECT o.id, o.name, o.family, o.audience, ST_X(o.geom) AS lon,"
				+ " ST_Y(o.geom) AS lat, o.category_label, o.commune_code, o.city, " + HAS_ZONE + " AS has_zone, "
				+ serves + " AS serves FROM offer o"
				+ " WHERE o.geom IS NOT NULL AND ST_Intersects(o.geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))");
		args.addAll(List.of(point.getX() - dLon, point.getY() - dLat, point.getX() + dLon, point.getY() + dLat));
		if (families != null && !families.isEmpty()) {
			sql.append(" AND o.family IN (")
				.append(String.join(", ", Collections.nCopies(families.size(), "?")))
				.append(")");
			families.forEach(f -> args.add(f.code()));
		}
		if (audience != null && audience != Audience.ALL) {
			sql.append(" AND o.audience IN (?, ?)");
			args.add(audience.code());
			args.add(Audience.ALL.code());
		}
		List<Candidate> all = jdbc.query(sql.toString(), (rs, i) -> {
			double lon = rs.getDouble("lon");
			double lat = rs.getDouble("lat");
			return new Candidate(rs.getLong("id"), rs.getString("name"), rs.getString("family"),
					rs.getString("audience"), lon, lat, Geo.haversineMetres(point.getX(), point.getY(), lon, lat),
					rs.getString("category_label"), rs.getString("commune_code"), rs.getString("city"),
					rs.getBoolean("has_zone"), rs.getBoolean("serves"));
		}, args.toArray());
		return all.stream()
			.filter(c -> c.straightMetres() <= radiusMetres)
			.sorted(Comparator.comparingDouble(Candidate::straightMetres))
			.limit(MAX_CANDIDATES)
			.toList();
	}

}
