package fr.proxima.routing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import fr.proxima.routing.internal.TimeRow;

/**
 * The stored form of one offer's travel times (issue 15): one row of {@code offer_times}
 * per offer, its pairs packed in one binary value, the same bytes on H2 and PostgreSQL. A
 * row per pair made the full precompute of Lozère + neighbours write 924,051 rows (40 s
 * on H2, 7–12 s on PostgreSQL); packed, it writes 4,688.
 * <p>
 * Format, version 1: one byte {@code 1}, then per pair, sorted by commune code, 18 bytes:
 * the commune code (5 ASCII bytes), the seconds out (offer → commune) and in (commune →
 * offer) as big-endian IEEE 754 floats, NaN when that direction is not reached within the
 * cutoff, the metres as a float, and the method (0 network, 1 estimate). Sorted and
 * exact, equal times give equal bytes, so an unchanged offer is not rewritten.
 */
public final class PackedTimes {

	private static final byte VERSION = 1;

	private static final int CODE = 5;

	private static final int PAIR = CODE + 4 + 4 + 4 + 1;

	/** Receives the pairs of a packed value, in commune order. */
	@FunctionalInterface
	public interface Pairs {

		/** Times are NaN where that direction is not reached. */
		void pair(String communeCode, float secondsOut, float secondsIn, float metres, boolean estimate);

	}

	private PackedTimes() {
	}

	/** The pairs of one offer, packed (their order does not matter). */
	public static byte[] pack(List<TimeRow> rows) {
		List<TimeRow> sorted = new ArrayList<>(rows);
		sorted.sort(Comparator.comparing(TimeRow::communeCode));
		ByteBuffer out = ByteBuffer.allocate(1 + PAIR * sorted.size());
		out.put(VERSION);
		for (TimeRow row : sorted) {
			byte[] code = row.communeCode().getBytes(StandardCharsets.US_ASCII);
			if (code.length != CODE) {
				throw new IllegalArgumentException("A commune code has 5 characters: '" + row.communeCode() + "'");
			}
			out.put(code);
			out.putFloat(row.secondsOut() == null ? Float.NaN : row.secondsOut());
			out.putFloat(row.secondsIn() == null ? Float.NaN : row.secondsIn());
			out.putFloat(row.metres());
			out.put((byte) (TravelMethod.ESTIMATE.code().equals(row.method()) ? 1 : 0));
		}
		return out.array();
	}

	/** The number of pairs in a packed value. */
	public static int size(byte[] packed) {
		check(packed);
		return (packed.length - 1) / PAIR;
	}

	/** Calls {@code into} with each pair of a packed value. */
	public static void unpack(byte[] packed, Pairs into) {
		ByteBuffer in = ByteBuffer.wrap(packed);
		int n = size(packed);
		in.position(1);
		byte[] code = new byte[CODE];
		for (int i = 0; i < n; i++) {
			in.get(code);
			float out = in.getFloat();
			float back = in.getFloat();
			float metres = in.getFloat();
			boolean estimate = in.get() == 1;
			into.pair(new String(code, StandardCharsets.US_ASCII), out, back, metres, estimate);
		}
	}

	/** The pairs of one offer as rows (for the writer's merges and for tests). */
	public static List<TimeRow> rows(long offerId, byte[] packed) {
		List<TimeRow> rows = new ArrayList<>(size(packed));
		unpack(packed,
				(code, out, in, metres, estimate) -> rows
					.add(new TimeRow(offerId, code, Float.isNaN(out) ? null : out, Float.isNaN(in) ? null : in, metres,
							(estimate ? TravelMethod.ESTIMATE : TravelMethod.NETWORK).code())));
		return rows;
	}

	private static void check(byte[] packed) {
		if (packed.length == 0 || packed[0] != VERSION || (packed.length - 1) % PAIR != 0) {
			throw new IllegalArgumentException("Not packed travel times of version " + VERSION);
		}
	}

}
