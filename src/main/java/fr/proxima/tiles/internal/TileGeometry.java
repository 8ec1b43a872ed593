package fr.proxima.tiles.internal;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * A polygon's tile geometry by the rule {@code ST_AsMVTGeom(…, extent, buffer, true)}
 * follows on PostGIS, so that both encoders keep the same polygons: a polygon whose box
 * is smaller than half a tile unit is left out; the rest is moved to tile units (y down),
 * clipped to the buffered tile, snapped to the integer grid and made valid; what
 * collapses to nothing is left out. (mapbox-vector-tile-java's own {@code createTileGeom}
 * rounds vertices one by one, and drops the polygons that rounding made invalid, where
 * PostGIS repairs them.)
 */
final class TileGeometry {

	private static final PrecisionModel GRID = new PrecisionModel(1.0);

	private TileGeometry() {
	}

	/**
	 * @param mercator a polygon or multipolygon in EPSG:3857 metres
	 * @return the polygonal tile geometry, or null when nothing of it is left
	 */
	static Geometry polygon(Geometry mercator, Envelope tile, int extent, int buffer, GeometryFactory factory) {
		Envelope box = mercator.getEnvelopeInternal();
		double halfUnit = tile.getWidth() / extent / 2;
		if (Math.max(box.getWidth(), box.getHeight()) < halfUnit) {
			return null;
		}
		double sx = extent / tile.getWidth();
		double sy = extent / tile.getHeight();
		AffineTransformation toTile = new AffineTransformation(sx, 0, -tile.getMinX() * sx, 0, -sy,
				tile.getMaxY() * sy);
		Geometry g = toTile.transform(mercator);
		if (!g.isValid()) {
			g = GeometryFixer.fix(g);
		}
		Geometry clip = factory.toGeometry(new Envelope(-buffer, extent + buffer, -buffer, extent + buffer));
		g = OverlayNGRobust.overlay(g, clip, OverlayNG.INTERSECTION);
		if (g.isEmpty()) {
			return null;
		}
		g = GeometryPrecisionReducer.reduce(g, GRID);
		return g.isEmpty() || !(g instanceof Polygonal) || g.getArea() <= 0 ? null : g;
	}

}
