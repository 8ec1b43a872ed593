package fr.proxima.coverage;

import fr.proxima.offers.Family;
import jakarta.persistence.Embeddable;
import org.locationtech.jts.geom.Point;

/**
 * A hypothetical offer of a scenario: where, which family, how many places (null =
 * unknown).
 */
@Embeddable
class ScenarioSite {

	private String name;

	private Family family;

	private Integer capacity;

	private Point geom;

	protected ScenarioSite() {
	}

	ScenarioSite(String name, Family family, Integer capacity, Point geom) {
		this.name = name;
		this.family = family;
		this.capacity = capacity;
		this.geom = geom;
	}

	String getName() {
		return name;
	}

	Family getFamily() {
		return family;
	}

	Integer getCapacity() {
		return capacity;
	}

	Point getGeom() {
		return geom;
	}

}
