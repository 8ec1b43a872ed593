package fr.proxima.importing.internal;

/**
 * Rectangles around metropolitan France (with Corsica) and the overseas départements and
 * collectivities FINESS lists, in WGS84 degrees, with a margin of a few kilometres: an
 * establishment outside all of them has wrong coordinates (issue 10: a Lambert-93
 * {@code 99999999999;-99999999999} landed at the South Pole).
 */
final class FranceBounds {

	/** minLon, minLat, maxLon, maxLat. */
	private static final double[][] BOXES = { { -5.8, 41.2, 9.9, 51.2 }, // metropole,
																			// Corsica
			{ -63.3, 14.3, -60.7, 18.2 }, // Guadeloupe, Martinique, Saint-Martin,
											// Saint-Barthélemy
			{ -54.7, 2.0, -51.5, 6.0 }, // Guyane
			{ 55.1, -21.5, 55.95, -20.8 }, // La Réunion
			{ 44.9, -13.1, 45.4, -12.5 }, // Mayotte
			{ -56.5, 46.7, -56.0, 47.2 } }; // Saint-Pierre-et-Miquelon

	private FranceBounds() {
	}

	static boolean contains(double lon, double lat) {
		for (double[] b : BOXES) {
			if (lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3]) {
				return true;
			}
		}
		return false;
	}

}
