package fr.proxima.routing;

import java.util.List;

import org.locationtech.jts.geom.Point;

/**
 * Travel times for other modules. Implementations answer on the road network when a graph
 * is loaded and the points lie on it, and with a documented estimate otherwise; every
 * {@link Leg} says which.
 */
public interface TravelTimes {

	/**
	 * Times between one source and many targets, computed with one shortest-path tree
	 * (not one route per pair).
	 * @param toSource false: from the source to each target (a service driving out to
	 * people); true: from each target to the source (people driving to an establishment)
	 * @return one leg per target, in order; legs over {@code cutoffSeconds} are
	 * unreachable
	 */
	List<Leg> oneToMany(Point source, List<Point> targets, double cutoffSeconds, boolean toSource);

	/**
	 * The method answers use when points lie on the network: NETWORK with a loaded graph,
	 * ESTIMATE without.
	 */
	TravelMethod method();

	/**
	 * The straight-line distance beyond which no target is reached within
	 * {@code seconds}: a bound for spatial prefilters (the estimate's own radius when
	 * only estimates are answered, the network's fastest speed otherwise).
	 */
	double reachRadiusMetres(double seconds);

}
