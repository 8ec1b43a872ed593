package fr.proxima.shared;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * WGS84 (EPSG:4326) geometry helpers shared by every module; coordinates are always
 * lon/lat.
 */
public final class Geo {

	public static final int SRID = 4326;

	public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), SRID);

	private static final double EARTH_RADIUS_M = 6_371_008.8;

	private Geo() {
	}

	/**
	 * A WGS84 point; rejects coordinates that are not finite or outside the lon/lat
	 * ranges.
	 */
	public static Point point(double lon, double lat) {
		if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
			throw new InvalidInputException("Invalid coordinates: lon=" + lon + ", lat=" + lat
					+ " (expected WGS84 degrees, -180 ≤ lon ≤ 180 and -90 ≤ lat ≤ 90)");
		}
		return FACTORY.createPoint(new Coordinate(lon, lat));
	}

	/** Parses a {@code lon,lat} query parameter into a checked WGS84 point. */
	public static Point parsePoint(String parameter, String text) {
		double[] v = parseNumbers(parameter, text, 2, "lon,lat");
		return point(v[0], v[1]);
	}

	/**
	 * Splits a comma-separated list of exactly {@code count} numbers; anything else is
	 * invalid input.
	 */
	static double[] parseNumbers(String parameter, String text, int count, String expected) {
		String[] parts = text == null ? new String[0] : text.split(",", -1);
		if (parts.length != count) {
			throw new InvalidInputException("Invalid " + parameter + " '" + text + "': expected " + expected);
		}
		double[] values = new double[count];
		for (int i = 0; i < count; i++) {
			try {
				values[i] = Numbers.parse(parts[i].trim());
			}
			catch (NumberFormatException e) {
				throw new InvalidInputException("Invalid coordinates in " + parameter + " '" + text + "': '"
						+ parts[i].trim() + "' is not a number (expected " + expected + ")");
			}
		}
		return values;
	}

	/**
	 * Reads the WKB that {@code ST_AsBinary} returns on both databases; null stays null.
	 */
	public static Geometry fromWkb(byte[] wkb) {
		if (wkb == null) {
			return null;
		}
		try {
			return withSrid(new WKBReader(FACTORY).read(wkb));
		}
		catch (ParseException e) {
			throw new IllegalStateException("Unreadable geometry from the database", e);
		}
	}

	/**
	 * A polygon or multipolygon as a MultiPolygon in SRID 4326; null when the geometry is
	 * not polygonal.
	 */
	public static MultiPolygon toMultiPolygon(Geometry g) {
		if (g instanceof MultiPolygon mp) {
			return withSrid(mp);
		}
		if (g instanceof Polygon p) {
			return FACTORY.createMultiPolygon(new Polygon[] { p });
		}
		return null;
	}

	public static <G extends Geometry> G withSrid(G g) {
		g.setSRID(SRID);
		return g;
	}

	/** Great-circle distance in metres between two lon/lat positions. */
	public static double haversineMetres(double lon1, double lat1, double lon2, double lat2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	public static double haversineMetres(Point a, Point b) {
		return haversineMetres(a.getX(), a.getY(), b.getX(), b.getY());
	}

}
