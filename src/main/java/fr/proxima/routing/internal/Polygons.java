package fr.proxima.routing.internal;

import java.util.ArrayList;
import java.util.List;

import fr.proxima.shared.Geo;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** Keeps the polygonal part of overlay results. */
public final class Polygons {

	private Polygons() {
	}

	/**
	 * The polygons of {@code g} as a MultiPolygon (empty when there are none); lines and
	 * points are dropped.
	 */
	public static MultiPolygon polygonal(Geometry g) {
		MultiPolygon mp = Geo.toMultiPolygon(g);
		if (mp != null) {
			return mp;
		}
		List<Polygon> polygons = new ArrayList<>();
		for (int i = 0; i < g.getNumGeometries(); i++) {
			Geometry part = g.getGeometryN(i);
			for (int j = 0; j < part.getNumGeometries(); j++) {
				if (part.getGeometryN(j) instanceof Polygon p && !p.isEmpty()) {
					polygons.add(p);
				}
			}
		}
		return Geo.FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
	}

}
