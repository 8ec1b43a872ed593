package fr.proxima.shared;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/** Copies of geometries with every coordinate mapped (reprojections). */
public final class Coordinates {

	private Coordinates() {
	}

	/** Maps one position: writes the new x and y into {@code out}. */
	@FunctionalInterface
	public interface Mapping {

		void map(double x, double y, double[] out);

	}

	/** A copy of the geometry with every coordinate mapped; null stays null. */
	public static Geometry mapped(Geometry g, Mapping mapping) {
		if (g == null) {
			return null;
		}
		Geometry copy = g.copy();
		double[] out = new double[2];
		copy.apply(new CoordinateSequenceFilter() {

			@Override
			public void filter(CoordinateSequence seq, int i) {
				mapping.map(seq.getX(i), seq.getY(i), out);
				seq.setOrdinate(i, 0, out[0]);
				seq.setOrdinate(i, 1, out[1]);
			}

			@Override
			public boolean isDone() {
				return false;
			}

			@Override
			public boolean isGeometryChanged() {
				return true;
			}

		});
		return copy;
	}

}
