package fr.proxima.shared;

import org.locationtech.jts.geom.Point;

/**
 * A WGS84 lon/lat rectangle, as the {@code bbox=minLon,minLat,maxLon,maxLat} query
 * parameter gives it.
 */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

	/**
	 * Mean metres per degree of latitude on the sphere of {@link Geo#haversineMetres}.
	 */
	private static final double METRES_PER_DEGREE = 111_195.08;

	/**
	 * Parses and checks {@code minLon,minLat,maxLon,maxLat}: four numbers in WGS84
	 * ranges, min ≤ max, and neither side wider than {@code maxSpanDegrees}.
	 */
	public static BoundingBox parse(String text, double maxSpanDegrees) {
		double[] v = Geo.parseNumbers("bbox", text, 4, "minLon,minLat,maxLon,maxLat");
		Geo.point(v[0], v[1]);
		Geo.point(v[2], v[3]);
		if (v[0] > v[2] || v[1] > v[3]) {
			throw new InvalidInputException("Inverted bbox '" + text + "': expected minLon,minLat,maxLon,maxLat with"
					+ " minLon ≤ maxLon and minLat ≤ maxLat");
		}
		if (v[2] - v[0] > maxSpanDegrees || v[3] - v[1] > maxSpanDegrees) {
			throw new InvalidInputException(
					"bbox '" + text + "' is too large: each side may span at most " + maxSpanDegrees + "°");
		}
		return new BoundingBox(v[0], v[1], v[2], v[3]);
	}

	/**
	 * The rectangle that holds every position within {@code metres} of a point (with a 1
	 * % margin), clipped to the WGS84 ranges; used to let the spatial index prefilter a
	 * distance query. Does not wrap around the antimeridian.
	 */
	public static BoundingBox around(Point centre, double metres) {
		double dLat = metres * 1.01 / METRES_PER_DEGREE;
		double farLat = Math.min(89.9, Math.abs(centre.getY()) + dLat);
		double dLon = Math.min(180, dLat / Math.cos(Math.toRadians(farLat)));
		return new BoundingBox(Math.max(-180, centre.getX() - dLon), Math.max(-90, centre.getY() - dLat),
				Math.min(180, centre.getX() + dLon), Math.min(90, centre.getY() + dLat));
	}

}
