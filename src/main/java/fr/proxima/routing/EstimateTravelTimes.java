package fr.proxima.routing;

import java.util.ArrayList;
import java.util.List;

import fr.proxima.shared.Geo;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

/**
 * Travel times from the documented estimate alone (see {@link EstimateSettings}), for
 * driving or walking. Not a bean: {@link TravelTimeEngine} is the one {@link TravelTimes}
 * and falls back to this per point.
 */
public class EstimateTravelTimes implements TravelTimes {

	private static final int DISK_SEGMENTS = 64;

	private static final double EARTH_RADIUS_M = 6_371_008.8;

	private final EstimateSettings settings;

	private final boolean onFoot;

	public EstimateTravelTimes(EstimateSettings settings) {
		this(settings, false);
	}

	public EstimateTravelTimes(EstimateSettings settings, boolean onFoot) {
		this.settings = settings;
		this.onFoot = onFoot;
	}

	public Leg leg(Point from, Point to) {
		return leg(Geo.haversineMetres(from, to));
	}

	/** The estimated leg for a straight-line distance. */
	public Leg leg(double straightMetres) {
		return onFoot ? settings.estimateOnFoot(straightMetres) : settings.estimate(straightMetres);
	}

	/** The estimated leg, or unreachable (estimate) beyond the cutoff. */
	public Leg leg(Point from, Point to, double cutoffSeconds) {
		Leg leg = leg(from, to);
		return leg.seconds() <= cutoffSeconds ? leg : Leg.unreachable(TravelMethod.ESTIMATE);
	}

	/** Straight-line radius reached within {@code seconds}. */
	public double radiusMetres(double seconds) {
		return onFoot ? settings.straightMetresWithinOnFoot(seconds) : settings.straightMetresWithin(seconds);
	}

	/**
	 * The area reached within {@code seconds}: a disk (polygon of 64 sides) of
	 * {@link #radiusMetres} around a point.
	 */
	public MultiPolygon reach(Point center, double seconds) {
		double radius = radiusMetres(seconds);
		double dLat = Math.toDegrees(radius / EARTH_RADIUS_M);
		double dLon = dLat / Math.cos(Math.toRadians(center.getY()));
		Coordinate[] ring = new Coordinate[DISK_SEGMENTS + 1];
		for (int i = 0; i < DISK_SEGMENTS; i++) {
			double a = 2 * Math.PI * i / DISK_SEGMENTS;
			ring[i] = new Coordinate(center.getX() + dLon * Math.cos(a), center.getY() + dLat * Math.sin(a));
		}
		ring[DISK_SEGMENTS] = ring[0];
		return Geo.toMultiPolygon(Geo.FACTORY.createPolygon(ring));
	}

	@Override
	public List<Leg> oneToMany(Point source, List<Point> targets, double cutoffSeconds, boolean toSource) {
		List<Leg> legs = new ArrayList<>(targets.size());
		for (Point target : targets) {
			legs.add(leg(source, target, cutoffSeconds));
		}
		return legs;
	}

	@Override
	public double reachRadiusMetres(double seconds) {
		return radiusMetres(seconds);
	}

	@Override
	public TravelMethod method() {
		return TravelMethod.ESTIMATE;
	}

}
