package fr.proxima.tours;

import java.util.List;
import java.util.Random;

import fr.proxima.tours.internal.Suppression;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

// issue 13: no suppressed value can be recovered by subtraction from the total of the same table
class SuppressionTest {

	@Test
	void aLoneSmallCellTakesTheSmallestOtherCellWithIt() {
		List<Suppression.Row> rows = List.of(new Suppression.Row("48001", 12), new Suppression.Row("48002", 3),
				new Suppression.Row("48003", 7), new Suppression.Row("48004", 30));
		assertThat(Suppression.suppressed(rows, 5)).containsExactly(false, true, true, false);
	}

	@Test
	void hiddenCellsTogetherHoldAtLeastTheThreshold() {
		Random random = new Random(5);
		for (int run = 0; run < 2000; run++) {
			int n = 1 + random.nextInt(12);
			List<Suppression.Row> rows = new java.util.ArrayList<>();
			for (int i = 0; i < n; i++) {
				rows.add(new Suppression.Row(String.valueOf(i), random.nextInt(random.nextBoolean() ? 6 : 40)));
			}
			boolean[] hidden = Suppression.suppressed(rows, 5);
			long total = rows.stream().mapToLong(Suppression.Row::visits).sum();
			long hiddenSum = 0;
			int hiddenCount = 0;
			for (int i = 0; i < n; i++) {
				if (hidden[i]) {
					hiddenCount++;
					hiddenSum += rows.get(i).visits();
				}
				else {
					assertThat(rows.get(i).visits()).isGreaterThanOrEqualTo(5);
				}
			}
			if (!Suppression.totalSuppressed(rows, 5) && hiddenCount > 0) {
				assertThat(hiddenCount).as(rows.toString()).isGreaterThanOrEqualTo(2);
				assertThat(hiddenSum).as(rows.toString()).isGreaterThanOrEqualTo(5);
			}
			if (total < 5) {
				assertThat(hidden).containsOnly(true);
			}
		}
	}

}
