package fr.proxima.routing;

import java.util.List;

import fr.proxima.routing.internal.TimeRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// issue 15: one offer's travel times packed in one value, the same bytes for the same pairs
class PackedTimesTest {

	private static final TimeRow MENDE = new TimeRow(7, "48095", 612.5f, null, 8123.25f, "network");

	private static final TimeRow AJACCIO = new TimeRow(7, "2A004", null, 3599.9f, 41000f, "estimate");

	private static final TimeRow MARVEJOLS = new TimeRow(7, "48092", 1800f, 1790.125f, 25000f, "network");

	@Test
	void pairsComeBackExactlyInCommuneOrder() {
		byte[] packed = PackedTimes.pack(List.of(MENDE, AJACCIO, MARVEJOLS));

		assertThat(PackedTimes.size(packed)).isEqualTo(3);
		assertThat(packed).hasSize(1 + 3 * 18);
		assertThat(PackedTimes.rows(7, packed)).containsExactly(AJACCIO, MARVEJOLS, MENDE);
	}

	@Test
	void theSamePairsInAnotherOrderGiveTheSameBytes() {
		assertThat(PackedTimes.pack(List.of(MARVEJOLS, MENDE, AJACCIO)))
			.isEqualTo(PackedTimes.pack(List.of(AJACCIO, MENDE, MARVEJOLS)))
			.isNotEqualTo(PackedTimes
				.pack(List.of(AJACCIO, MENDE, new TimeRow(7, "48092", 1800f, 1790.25f, 25000f, "network"))));
	}

	@Test
	void aDirectionNotReachedIsNaNForReaders() {
		float[] seen = new float[2];
		PackedTimes.unpack(PackedTimes.pack(List.of(MENDE)), (code, out, in, metres, estimate) -> {
			seen[0] = out;
			seen[1] = in;
			assertThat(code).isEqualTo("48095");
			assertThat(estimate).isFalse();
		});
		assertThat(seen[0]).isEqualTo(612.5f);
		assertThat(seen[1]).isNaN();
	}

	@Test
	void refusesWhatItCannotStoreOrRead() {
		assertThatThrownBy(() -> PackedTimes.pack(List.of(new TimeRow(7, "4809", 1f, 1f, 1f, "network"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'4809'");
		assertThatThrownBy(() -> PackedTimes.size(new byte[] { 2 })).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> PackedTimes.size(new byte[] { 1, 0, 0 })).isInstanceOf(IllegalArgumentException.class);
		assertThat(PackedTimes.rows(7, PackedTimes.pack(List.of()))).isEmpty();
	}

}
