package fr.proxima.territory;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.MultiPolygon;

@Entity
@Table(name = "departement")
public class Departement {

	@Id
	private String code;

	private String name;

	private MultiPolygon geom;

	protected Departement() {
	}

	public Departement(String code, String name, MultiPolygon geom) {
		this.code = code;
		this.name = name;
		this.geom = geom;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public MultiPolygon getGeom() {
		return geom;
	}

}
