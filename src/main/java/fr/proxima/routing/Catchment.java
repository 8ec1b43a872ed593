package fr.proxima.routing;

import java.util.List;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * The people living inside an area (an isochrone, the union of several sites' isochrones
 * or any polygon), by census band, estimated from the communes by the share of each
 * commune's area that lies inside the polygon (issue 12): a commune half inside counts
 * half of its population. Figures are not rounded here; {@code missingPopulation} lists
 * the communes touched without census figures (counted as nobody, never filled in).
 *
 * @param method network when every source's isochrone came from the road graph, estimate
 * otherwise; null for a polygon given as such, which involves no travel time
 */
public record Catchment(String basis, Integer minutes, TravelMethod method, List<Snapping> sources, MultiPolygon area,
		double population, double aged75Plus, double aged85Plus, List<String> missingPopulation, List<Share> communes) {

	/** The basis of every figure: the commune's area share inside the polygon. */
	public static final String AREA_SHARE = "area_share";

	/**
	 * One commune touching the area: {@code share} = area(commune ∩ polygon) /
	 * area(commune), and its census figures (null when missing) with the part inside.
	 */
	public record Share(String code, String name, String departement, double share, Integer population,
			Integer aged75Plus, Integer aged85Plus, Double populationInside, Double aged75PlusInside,
			Double aged85PlusInside) {
	}

}
