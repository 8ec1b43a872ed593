package fr.proxima.coverage.internal;

import java.util.Set;

import fr.proxima.offers.Family;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;

/**
 * An offer as the computation sees it: an existing offer ({@code id} set) or a
 * hypothetical one from a scenario or a suggestion ({@code id} null). The declared zone
 * is a set of commune codes and/or a polygon; both empty means none.
 */
public record Site(Long id, String name, Family family, Integer capacity, Point point, String departement,
		Set<String> zoneCommunes, PreparedGeometry zoneGeom) {

	public static Site hypothetical(String name, Family family, Integer capacity, Point point) {
		return new Site(null, name, family, capacity, point, null, Set.of(), null);
	}

	/** Services at home travel to the person: their time counts outward from the site. */
	public boolean outward() {
		return family.isHomeCare();
	}

	public boolean hasZone() {
		return !zoneCommunes.isEmpty() || zoneGeom != null;
	}

	/**
	 * Whether the declared zone contains the commune (by code, or its representative
	 * point inside the polygon).
	 */
	public boolean declares(String communeCode, Point repPoint) {
		return zoneCommunes.contains(communeCode) || (zoneGeom != null && zoneGeom.covers(repPoint));
	}

	/** Only home-care services with a declared zone are limited to it. */
	public boolean limitedTo(String communeCode, Point repPoint) {
		return !outward() || !hasZone() || declares(communeCode, repPoint);
	}

	/** Supply in places; unknown capacity counts as 1 (and is flagged by the caller). */
	public double supply() {
		return capacity == null ? 1 : capacity;
	}

}
