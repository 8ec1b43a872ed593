package fr.proxima.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import fr.proxima.shared.Geo;
import fr.proxima.shared.InvalidInputException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Catchment population of an area (issue 12; see docs/travel-times.md): the communes
 * whose boundary meets the polygon, each counted by the share of its area inside it.
 * Shares are ratios of areas measured in the same lon/lat plane: over one commune's
 * extent the scale of degrees is uniform enough for the ratio, so no projection is
 * needed. Geometry work is done in Java (JTS) on the stored boundaries, so H2GIS and
 * PostGIS give the same figures.
 */
@Service
public class CatchmentService {

	private static final String COMMUNES = "SELECT c.code, c.name, c.departement_code, ST_AsBinary(c.geom) AS wkb,"
			+ " p.total, p.aged_75_plus, p.aged_85_plus FROM commune c LEFT JOIN population p"
			+ " ON p.commune_code = c.code WHERE ST_Intersects(c.geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))";

	private final ReachService reach;

	private final JdbcTemplate jdbc;

	public CatchmentService(ReachService reach, JdbcTemplate jdbc) {
		this.reach = reach;
		this.jdbc = jdbc;
	}

	/**
	 * The population within {@code minutes} of any of the sources (the union of their
	 * isochrones).
	 */
	public Catchment ofSources(List<Point> sources, int minutes, String profile, boolean toSources) {
		CoverageArea area = reach.coverage(sources, minutes, profile, toSources, null);
		return inside(area.covered(), minutes, area.method(), area.sources());
	}

	/**
	 * The positions of offers by id, in the order given; an unknown id or an offer
	 * without a location is invalid input.
	 */
	public List<Point> offerPositions(List<Long> ids) {
		List<Point> points = new ArrayList<>(ids.size());
		for (Long id : ids) {
			List<Point> found = jdbc.query(
					"SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat FROM offer WHERE id = ? AND geom IS NOT NULL",
					(rs, n) -> Geo.point(rs.getDouble("lon"), rs.getDouble("lat")), id);
			if (found.isEmpty()) {
				throw new InvalidInputException("No located offer with id " + id);
			}
			points.add(found.get(0));
		}
		return points;
	}

	/** The population inside a given polygon (no travel time involved). */
	public Catchment ofArea(MultiPolygon area) {
		return inside(area, null, null, List.of());
	}

	private Catchment inside(MultiPolygon area, Integer minutes, TravelMethod method, List<Snapping> sources) {
		List<Catchment.Share> shares = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		double population = 0;
		double aged75 = 0;
		double aged85 = 0;
		if (!area.isEmpty()) {
			PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
			Envelope e = area.getEnvelopeInternal();
			List<Catchment.Share> rows = jdbc.query(COMMUNES, (rs, n) -> {
				Geometry commune = Geo.fromWkb(rs.getBytes("wkb"));
				double share = share(prepared, area, commune);
				Integer total = rs.getObject("total", Integer.class);
				Integer a75 = rs.getObject("aged_75_plus", Integer.class);
				Integer a85 = rs.getObject("aged_85_plus", Integer.class);
				return new Catchment.Share(rs.getString("code"), rs.getString("name"), rs.getString("departement_code"),
						share, total, a75, a85, times(share, total), times(share, a75), times(share, a85));
			}, e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
			for (Catchment.Share s : rows) {
				if (s.share() <= 0) {
					continue;
				}
				shares.add(s);
				if (s.population() == null) {
					missing.add(s.code());
				}
				population += s.populationInside() == null ? 0 : s.populationInside();
				aged75 += s.aged75PlusInside() == null ? 0 : s.aged75PlusInside();
				aged85 += s.aged85PlusInside() == null ? 0 : s.aged85PlusInside();
			}
		}
		shares.sort(Comparator.comparing(Catchment.Share::code));
		missing.sort(Comparator.naturalOrder());
		return new Catchment(Catchment.AREA_SHARE, minutes, method, sources, area, population, aged75, aged85, missing,
				shares);
	}

	/** area(commune ∩ polygon) / area(commune), 1 when inside, 0 when apart. */
	static double share(PreparedGeometry prepared, Geometry area, Geometry commune) {
		if (commune == null || commune.isEmpty() || commune.getArea() <= 0) {
			return 0;
		}
		if (prepared.contains(commune)) {
			return 1;
		}
		if (!prepared.intersects(commune)) {
			return 0;
		}
		Geometry inside = OverlayNGRobust.overlay(commune, area, OverlayNG.INTERSECTION);
		return Math.min(1, inside.getArea() / commune.getArea());
	}

	private static Double times(double share, Integer count) {
		return count == null ? null : share * count;
	}

}
