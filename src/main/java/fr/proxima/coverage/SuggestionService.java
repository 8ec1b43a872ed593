package fr.proxima.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import fr.proxima.coverage.Scenes.Scene;
import fr.proxima.coverage.internal.AccessData;
import fr.proxima.coverage.internal.ColumnGrid;
import fr.proxima.coverage.internal.GreedyCover;
import fr.proxima.coverage.internal.Nearest;
import fr.proxima.coverage.internal.Site;
import fr.proxima.coverage.internal.Territory;
import fr.proxima.coverage.internal.TimeMatrix;
import fr.proxima.offers.Family;
import fr.proxima.shared.InvalidInputException;
import org.springframework.stereotype.Service;

import static fr.proxima.coverage.Scenes.round;
import static fr.proxima.coverage.Scenes.weight;

/**
 * Site suggestions: greedy maximal covering location over the reported communes'
 * representative points.
 */
@Service
public class SuggestionService {

	private final Scenes scenes;

	private final AccessData data;

	private final CoverageSettings settings;

	/** How many candidate matrices are kept (a scope, a horizon and a direction each). */
	private static final int KEPT_CANDIDATES = 32;

	/**
	 * The candidate sites' times, per communes (the snapshot's own {@link Territory}
	 * instance, so a change of communes or offers starts afresh), scope, communes left to
	 * cover, horizon and direction: the next request of the same scenario reuses them
	 * (issue 15).
	 */
	private final Map<CandidateKey, TimeMatrix> candidates = new ConcurrentHashMap<>();

	private record CandidateKey(Territory territory, int[] area, int[] open, double seconds, boolean toSite) {

		@Override
		public boolean equals(Object o) {
			return o instanceof CandidateKey k && k.territory == territory && k.seconds == seconds && k.toSite == toSite
					&& Arrays.equals(k.area, area) && Arrays.equals(k.open, open);
		}

		@Override
		public int hashCode() {
			return Objects.hash(System.identityHashCode(territory), Arrays.hashCode(area), Arrays.hashCode(open),
					seconds, toSite);
		}

	}

	SuggestionService(Scenes scenes, AccessData data, CoverageSettings settings) {
		this.scenes = scenes;
		this.data = data;
		this.settings = settings;
	}

	// ---- site suggestions

	/**
	 * The offers of all the requested families form one supply set, so they must all be
	 * services at home (times from a candidate site) or all establishments (times to it).
	 */
	public SuggestionReport suggestions(CoverageQuery q, int k) {
		if (k < 1 || k > settings.maxSuggestions()) {
			throw new InvalidInputException(
					"k must be between 1 and " + settings.maxSuggestions() + " (got " + k + ")");
		}
		Set<Boolean> directions = q.families().stream().map(Family::isHomeCare).collect(Collectors.toSet());
		if (directions.size() > 1) {
			throw new InvalidInputException("Suggested sites serve one supply set: give only services at home"
					+ " (e.g. ssiad,saad) or only establishments (e.g. ehpad), not both: " + q.families());
		}
		boolean homeCare = directions.contains(true);
		Scene s = scenes.scene(q, q.minutes(), Set.of(), List.of(), true, true);
		Territory t = s.territory();
		Nearest nearest = Nearest.of(s.matrix());
		boolean[] covered = new boolean[t.size()];
		double[] weight = new double[t.size()];
		long aged75 = 0;
		long coveredBefore = 0;
		List<String> missing = new ArrayList<>();
		Provenance.Times all = new Provenance.Times();
		for (int i : s.area()) {
			covered[i] = nearest.within(i, q.seconds());
			if (covered[i]) {
				all.time(nearest.estimate()[i]);
			}
			weight[i] = Math.max(t.aged75(i), 0);
			aged75 += (long) weight[i];
			coveredBefore += covered[i] ? (long) weight[i] : 0;
			if (t.aged75(i) < 0) {
				missing.add(t.code(i));
			}
		}
		int[] open = IntStream.of(s.area()).filter(i -> !covered[i]).toArray();
		TimeMatrix candidates = candidates(t, s.area(), open, q.seconds(), !homeCare);
		List<SuggestionReport.Step> steps = new ArrayList<>();
		long cumulative = coveredBefore;
		for (GreedyCover.Step step : GreedyCover.choose(candidates, weight, covered, k)) {
			int c = s.area()[step.candidate()];
			cumulative += (long) step.gain();
			Set<Integer> newly = IntStream.of(step.newlyCovered()).boxed().collect(Collectors.toSet());
			Provenance.Times times = new Provenance.Times();
			for (int e = candidates.start(step.candidate()); e < candidates.end(step.candidate()); e++) {
				if (newly.contains(candidates.column(e))) {
					times.time(candidates.estimate(e));
				}
			}
			all.add(times);
			steps.add(new SuggestionReport.Step(steps.size() + 1, t.code(c), t.name(c), t.point(c).getX(),
					t.point(c).getY(), (long) step.gain(), cumulative,
					aged75 == 0 ? null : round(cumulative * 100.0 / aged75, 1),
					IntStream.of(step.newlyCovered()).mapToObj(t::code).toList(), scenes.method(times)));
		}
		Provenance p = scenes.provenance(all);
		return new SuggestionReport(q, k, p.method(), p.estimated(), aged75, coveredBefore, cumulative, missing, steps);
	}

	/**
	 * One row per commune of the area: its times to (or from) the communes left to cover
	 * ({@code open}) within reach, each candidate timed against those only (a grid of the
	 * columns, issue 15). The covered communes add nothing to a site's gain, so leaving
	 * them out changes no choice, and a scope mostly covered costs what its gaps hold.
	 */
	private TimeMatrix candidates(Territory t, int[] area, int[] open, double seconds, boolean toSite) {
		CandidateKey key = new CandidateKey(t, area, open, seconds, toSite);
		TimeMatrix kept = candidates.get(key);
		if (kept != null) {
			return kept;
		}
		TimeMatrix.Builder builder = TimeMatrix.builder(t.size());
		ColumnGrid grid = data.columnGrid(t, open, seconds);
		for (int c : area) {
			TimeMatrix row = data.computeRow(grid, t.point(c), seconds, toSite);
			for (int e = 0; e < row.entries(); e++) {
				builder.add(row.column(e), row.seconds(e), row.estimate(e));
			}
			builder.endRow();
		}
		TimeMatrix computed = builder.build();
		candidates.keySet().removeIf(k -> k.territory != t);
		if (candidates.size() >= KEPT_CANDIDATES) {
			candidates.clear();
		}
		candidates.put(key, computed);
		return computed;
	}

}
