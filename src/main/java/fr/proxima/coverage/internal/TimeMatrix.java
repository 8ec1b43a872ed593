package fr.proxima.coverage.internal;

import java.util.Arrays;

/**
 * A sparse offers × communes travel-time matrix in compressed-row form (CSR): row
 * {@code r} (an offer or a candidate site) holds its entries in
 * {@code [rowStart[r], rowStart[r + 1])}; each entry is a commune column, a time in
 * seconds and whether that time is an estimate. Pairs absent from a row are unreachable
 * within the horizon it was built for. Primitive arrays only, so that 100,000 rows ×
 * millions of entries stay compact and fast to scan.
 */
public final class TimeMatrix {

	private final int columns;

	private final int[] rowStart;

	private final int[] column;

	private final float[] seconds;

	private final boolean[] estimate;

	private TimeMatrix(int columns, int[] rowStart, int[] column, float[] seconds, boolean[] estimate) {
		this.columns = columns;
		this.rowStart = rowStart;
		this.column = column;
		this.seconds = seconds;
		this.estimate = estimate;
	}

	public static Builder builder(int columns) {
		return new Builder(columns);
	}

	public int rows() {
		return rowStart.length - 1;
	}

	public int columns() {
		return columns;
	}

	public int entries() {
		return rowStart[rowStart.length - 1];
	}

	public int start(int row) {
		return rowStart[row];
	}

	public int end(int row) {
		return rowStart[row + 1];
	}

	public int column(int entry) {
		return column[entry];
	}

	public float seconds(int entry) {
		return seconds[entry];
	}

	public boolean estimate(int entry) {
		return estimate[entry];
	}

	/** Appends rows one at a time: {@link #add} entries, then {@link #endRow()}. */
	public static final class Builder {

		private final int columns;

		private int[] rowStart = new int[16];

		private int rows;

		private int[] column = new int[16];

		private float[] seconds = new float[16];

		private boolean[] estimate = new boolean[16];

		private int size;

		private Builder(int columns) {
			this.columns = columns;
		}

		public Builder add(int col, double secs, boolean isEstimate) {
			if (col < 0 || col >= columns) {
				throw new IllegalArgumentException("column " + col + " outside 0.." + (columns - 1));
			}
			if (size == column.length) {
				int capacity = size * 2;
				column = Arrays.copyOf(column, capacity);
				seconds = Arrays.copyOf(seconds, capacity);
				estimate = Arrays.copyOf(estimate, capacity);
			}
			column[size] = col;
			seconds[size] = (float) secs;
			estimate[size] = isEstimate;
			size++;
			return this;
		}

		public Builder endRow() {
			if (rows + 2 > rowStart.length) {
				rowStart = Arrays.copyOf(rowStart, rowStart.length * 2);
			}
			rows++;
			rowStart[rows] = size;
			return this;
		}

		public TimeMatrix build() {
			return new TimeMatrix(columns, Arrays.copyOf(rowStart, rows + 1), Arrays.copyOf(column, size),
					Arrays.copyOf(seconds, size), Arrays.copyOf(estimate, size));
		}

	}

}
