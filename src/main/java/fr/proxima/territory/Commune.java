package fr.proxima.territory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

/**
 * A commune of the official geographic code (COG) of a given vintage. {@code repPoint} is
 * where its population is assumed to live: a point guaranteed inside the polygon.
 */
@Entity
@Table(name = "commune")
public class Commune {

	@Id
	private String code;

	private String name;

	@Column(name = "departement_code")
	private String departementCode;

	@Column(name = "cog_year")
	private int cogYear;

	private MultiPolygon geom;

	@Column(name = "display_geom")
	private Geometry displayGeom;

	@Column(name = "rep_point")
	private Point repPoint;

	protected Commune() {
	}

	public Commune(String code, String name, String departementCode, int cogYear, MultiPolygon geom,
			Geometry displayGeom, Point repPoint) {
		this.code = code;
		this.name = name;
		this.departementCode = departementCode;
		this.cogYear = cogYear;
		this.geom = geom;
		this.displayGeom = displayGeom;
		this.repPoint = repPoint;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public String getDepartementCode() {
		return departementCode;
	}

	public int getCogYear() {
		return cogYear;
	}

	public MultiPolygon getGeom() {
		return geom;
	}

	public Geometry getDisplayGeom() {
		return displayGeom;
	}

	public Point getRepPoint() {
		return repPoint;
	}

}
