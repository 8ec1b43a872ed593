package fr.proxima.ogc.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

import fr.proxima.shared.Coordinates;
import fr.proxima.shared.InvalidInputException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The coordinate reference systems the OGC API answers in (Part 2, CRS by reference):
 * WGS84 lon/lat (CRS84, the default and storage CRS) and Lambert-93 (EPSG:2154, the
 * national CRS of French GIS users), both with easting/longitude first. Transforms use
 * proj4j, as the importers do.
 */
public enum Crs {

	CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", "EPSG:4326"),
	LAMBERT_93("http://www.opengis.net/def/crs/EPSG/0/2154", "EPSG:2154");

	private static final CRSFactory FACTORY = new CRSFactory();

	private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();

	private final String uri;

	private final String code;

	Crs(String uri, String code) {
		this.uri = uri;
		this.code = code;
	}

	public String uri() {
		return uri;
	}

	public static Crs fromUri(String parameter, String text) {
		if (text == null || text.isBlank()) {
			return CRS84;
		}
		String t = text.trim();
		String bare = t.startsWith("[") && t.endsWith("]") ? t.substring(1, t.length() - 1) : t;
		for (Crs c : values()) {
			if (c.uri.equals(bare) || (c == CRS84 && bare.equals("http://www.opengis.net/def/crs/EPSG/0/4326"))) {
				return c;
			}
		}
		throw new InvalidInputException("Unsupported " + parameter + " '" + text + "'. Supported: "
				+ Arrays.stream(values()).map(Crs::uri).collect(Collectors.joining(", ")));
	}

	/** The geometry, stored in CRS84, in this CRS (the same object for CRS84). */
	public Geometry fromCrs84(Geometry g) {
		if (this == CRS84 || g == null) {
			return g;
		}
		// proj4j transforms are not thread-safe: one per call
		org.locationtech.proj4j.CoordinateTransform t = transform(CRS84, this);
		ProjCoordinate in = new ProjCoordinate();
		ProjCoordinate p = new ProjCoordinate();
		return Coordinates.mapped(g, (x, y, out) -> {
			in.x = x;
			in.y = y;
			t.transform(in, p);
			out[0] = Math.round(p.x * 100) / 100.0;
			out[1] = Math.round(p.y * 100) / 100.0;
		});
	}

	/**
	 * A box given in this CRS as its CRS84 bounding box; edges are densified (16 points
	 * each) so the curved edges of the projected box stay inside.
	 */
	public Envelope toCrs84(double minX, double minY, double maxX, double maxY) {
		if (this == CRS84) {
			return new Envelope(minX, maxX, minY, maxY);
		}
		org.locationtech.proj4j.CoordinateTransform t = transform(this, CRS84);
		Envelope out = new Envelope();
		int n = 16;
		for (int i = 0; i <= n; i++) {
			double fx = minX + (maxX - minX) * i / n;
			double fy = minY + (maxY - minY) * i / n;
			out.expandToInclude(apply(t, fx, minY));
			out.expandToInclude(apply(t, fx, maxY));
			out.expandToInclude(apply(t, minX, fy));
			out.expandToInclude(apply(t, maxX, fy));
		}
		return out;
	}

	private static org.locationtech.jts.geom.Coordinate apply(org.locationtech.proj4j.CoordinateTransform t, double x,
			double y) {
		ProjCoordinate p = t.transform(new ProjCoordinate(x, y), new ProjCoordinate());
		return new org.locationtech.jts.geom.Coordinate(p.x, p.y);
	}

	private static org.locationtech.proj4j.CoordinateTransform transform(Crs from, Crs to) {
		CoordinateReferenceSystem source = FACTORY.createFromName(from.code);
		CoordinateReferenceSystem target = FACTORY.createFromName(to.code);
		return TRANSFORMS.createTransform(source, target);
	}

}
