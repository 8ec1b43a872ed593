package fr.proxima.tiles.internal;

import org.locationtech.jts.geom.Envelope;

/** Web Mercator (EPSG:3857) tile grid arithmetic, as in the XYZ scheme. */
public final class TileMath {

	public static final double HALF = 20037508.342789244;

	private static final double R = 6378137.0;

	private TileMath() {
	}

	/** The tile's square in EPSG:3857 metres. */
	public static Envelope bounds(int z, int x, int y) {
		double size = 2 * HALF / (1 << z);
		double minX = -HALF + x * size;
		double maxY = HALF - y * size;
		return new Envelope(minX, minX + size, maxY - size, maxY);
	}

	/** The tile's square grown by {@code buffer} of {@code extent} units on each side. */
	public static Envelope buffered(int z, int x, int y, int extent, int buffer) {
		Envelope e = bounds(z, x, y);
		e.expandBy(e.getWidth() * buffer / extent);
		return e;
	}

	/** A 3857 rectangle as a lon/lat rectangle (clipped to the Mercator range). */
	public static Envelope toLonLat(Envelope m) {
		return new Envelope(lon(Math.max(-HALF, m.getMinX())), lon(Math.min(HALF, m.getMaxX())),
				lat(Math.max(-HALF, m.getMinY())), lat(Math.min(HALF, m.getMaxY())));
	}

	public static double lon(double x) {
		return Math.toDegrees(x / R);
	}

	public static double lat(double y) {
		return Math.toDegrees(2 * Math.atan(Math.exp(y / R)) - Math.PI / 2);
	}

	public static double x(double lon) {
		return R * Math.toRadians(lon);
	}

	public static double y(double lat) {
		double clamped = Math.max(-85.05112878, Math.min(85.05112878, lat));
		return R * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2));
	}

	/** The tile of zoom z that holds a lon/lat position: {x, y}. */
	public static int[] tileOf(int z, double lon, double lat) {
		double size = 2 * HALF / (1 << z);
		return new int[] { (int) Math.floor((x(lon) + HALF) / size), (int) Math.floor((HALF - y(lat)) / size) };
	}

	public static boolean valid(int z, int x, int y) {
		return z >= 0 && z <= 22 && x >= 0 && y >= 0 && x < (1 << z) && y < (1 << z);
	}

	/**
	 * Simplification tolerance in degrees for a zoom: half a tile pixel at the equator.
	 */
	public static double tolerance(int z, int extent) {
		return 360.0 / (1L << z) / extent / 2;
	}

}
