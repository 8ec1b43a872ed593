package fr.proxima.tours;

import fr.proxima.tours.internal.VrpSolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optimiser against proven optima: each 25-customer Solomon instance, with a fixed
 * seed and time budget, comes within 2 % of the best known distance.
 */
// issue 13: optimisation quality against published optima
class SolomonQualityTest {

	static final VrpSolver.Budget BUDGET = new VrpSolver.Budget(20_000, 2000, 1);

	@ParameterizedTest
	@ValueSource(strings = { "C101", "R101", "RC101" })
	void twentyFiveCustomersWithinTwoPercentOfTheOptimum(String name) throws Exception {
		Solomon instance = Solomon.read(name, 25);
		VrpSolver.Answer answer = instance.solve(BUDGET);
		double found = instance.checkedDistance(answer);
		double best = Solomon.optimum(name, 25);
		System.out.printf("[solomon] %s-25: %.1f vs %.1f (gap %.2f %%) in %d ms, %d iterations%n", name, found, best,
				100 * (found - best) / best, answer.millis(), answer.iterations());
		assertThat(found).isGreaterThanOrEqualTo(best - 0.05).isLessThanOrEqualTo(best * 1.02);
	}

}
