package fr.proxima.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import fr.proxima.coverage.internal.AccessData;
import fr.proxima.coverage.internal.Accessibility;
import fr.proxima.coverage.internal.GreedyCover;
import fr.proxima.coverage.internal.Nearest;
import fr.proxima.coverage.internal.Site;
import fr.proxima.coverage.internal.Territory;
import fr.proxima.coverage.internal.TimeMatrix;
import fr.proxima.offers.Family;
import fr.proxima.shared.InvalidInputException;
import fr.proxima.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Coverage, E2SFCA accessibility, declared-vs-reachable zones, scenarios and site
 * suggestions. Every computation runs on all imported communes and offers (neighbouring
 * départements included, so that a border commune served from across the border is not
 * shown as underserved); only the reporting is limited to the requested départements.
 */
@Service
public class CoverageService {

	private final AccessData data;

	private final CoverageSettings settings;

	public CoverageService(AccessData data, CoverageSettings settings) {
		this.data = data;
		this.settings = settings;
	}

	/**
	 * The offers, their sparse times within a horizon, and the reported communes
	 * (columns).
	 */
	private record Scene(Territory territory, List<Site> sites, TimeMatrix matrix, int[] area) {
	}

	private Scene scene(CoverageQuery q, double horizonMinutes, Set<Long> closed, List<Site> added,
			boolean limitToZones) {
		Territory territory = data.territory();
		int[] area = area(territory, q.departements());
		List<Site> sites = new ArrayList<>();
		data.offers(q.families()).stream().filter(s -> !closed.contains(s.id())).forEach(sites::add);
		added.stream().filter(s -> q.families().contains(s.family())).forEach(sites::add);
		return new Scene(territory, sites, data.matrix(territory, sites, horizonMinutes * 60, limitToZones), area);
	}

	private static int[] area(Territory territory, List<String> departements) {
		if (territory.size() == 0) {
			throw new InvalidInputException(HttpStatus.CONFLICT,
					"The store holds no communes: import data first (see README, Importing data)");
		}
		Set<String> wanted = Set.copyOf(departements);
		int[] area = IntStream.range(0, territory.size())
			.filter(i -> wanted.contains(territory.departement(i)))
			.toArray();
		Set<String> found = IntStream.of(area).mapToObj(territory::departement).collect(Collectors.toSet());
		for (String d : departements) {
			if (!found.contains(d)) {
				Set<String> known = IntStream.range(0, territory.size())
					.mapToObj(territory::departement)
					.collect(Collectors.toCollection(TreeSet::new));
				throw new InvalidInputException("Unknown département '" + d + "': no commune of it is imported."
						+ " Départements with communes: " + String.join(", ", known));
			}
		}
		return area;
	}

	// ---- coverage

	public CoverageReport coverage(CoverageQuery q) {
		Scene s = scene(q, Math.max(q.minutes(), settings.nearestHorizonMinutes()), Set.of(), List.of(), true);
		return coverageReport(q, s, Nearest.of(s.matrix()));
	}

	private CoverageReport coverageReport(CoverageQuery q, Scene s, Nearest nearest) {
		Territory t = s.territory();
		List<CoverageReport.Row> rows = new ArrayList<>();
		long[] total = new long[3];
		long[] covered = new long[3];
		int coveredCommunes = 0;
		List<String> missing = new ArrayList<>();
		Provenance.Times times = new Provenance.Times();
		for (int i : s.area()) {
			boolean reached = nearest.reached(i);
			Provenance.Times time = new Provenance.Times();
			if (reached) {
				times.add(time.time(nearest.estimate()[i]));
			}
			boolean isCovered = reached && nearest.within(i, q.seconds());
			int[] figures = { t.total(i), t.aged75(i), t.aged85(i) };
			int[] coveredFigures = new int[3];
			for (int b = 0; b < 3; b++) {
				int value = Math.max(figures[b], 0);
				total[b] += value;
				coveredFigures[b] = isCovered ? value : 0;
				covered[b] += coveredFigures[b];
			}
			if (figures[0] < 0 || figures[1] < 0 || figures[2] < 0) {
				missing.add(t.code(i));
			}
			coveredCommunes += isCovered ? 1 : 0;
			Site site = reached ? s.sites().get(nearest.row()[i]) : null;
			rows.add(new CoverageReport.Row(t.code(i), t.name(i), t.departement(i),
					reached ? round(nearest.seconds()[i] / 60.0, 1) : null, site == null ? null : site.id(),
					site == null ? null : site.name(), isCovered, figure(figures[0]), figure(figures[1]),
					figure(figures[2]), coveredFigures[0], coveredFigures[1], coveredFigures[2], method(time)));
		}
		List<CoverageReport.Row> uncovered = rows.stream()
			.filter(r -> !r.covered())
			.sorted(Comparator.comparing((CoverageReport.Row r) -> r.aged75Plus() == null ? -1 : r.aged75Plus())
				.reversed()
				.thenComparing(CoverageReport.Row::code))
			.toList();
		CoverageReport.Totals totals = new CoverageReport.Totals(rows.size(), coveredCommunes,
				CoverageReport.Tally.of(total[0], covered[0]), CoverageReport.Tally.of(total[1], covered[1]),
				CoverageReport.Tally.of(total[2], covered[2]));
		Provenance p = provenance(times);
		List<CoverageReport.Unplaced> unplaced = data.unplacedCensus(q.departements())
			.stream()
			.map(c -> new CoverageReport.Unplaced(c.code(), c.population(), c.aged75Plus(), c.aged85Plus()))
			.toList();
		List<CoverageReport.Offer> unlocated = data.unlocatedOffers(q.families())
			.stream()
			.map(o -> new CoverageReport.Offer(o.id(), o.name()))
			.toList();
		return new CoverageReport(q, totals, p.method(), p.estimated(), missing, unplaced, unlocated, rows, uncovered);
	}

	// ---- accessibility (E2SFCA)

	private record Index(Scene scene, Accessibility.Result result, double[] demand, Double mean) {

		/** The kinds of the weighted times behind commune i's index. */
		Provenance.Times times(int i) {
			return new Provenance.Times().kinds(result.network()[i], result.estimated()[i]);
		}

	}

	private Index index(CoverageQuery q, Scene s) {
		Territory t = s.territory();
		double[] demand = new double[t.size()];
		for (int i = 0; i < demand.length; i++) {
			int value = demand(t, i, q.demand());
			demand[i] = value < 0 ? Double.NaN : value;
		}
		double[] supply = s.sites().stream().mapToDouble(Site::supply).toArray();
		Accessibility.Result r = Accessibility.compute(s.matrix(), supply, demand, q.bands().upperSeconds(),
				q.bands().weights());
		double weighted = 0;
		double people = 0;
		for (int i : s.area()) {
			if (!Double.isNaN(demand[i])) {
				weighted += demand[i] * r.index()[i];
				people += demand[i];
			}
		}
		return new Index(s, r, demand, people > 0 && weighted > 0 ? weighted / people : null);
	}

	private static int demand(Territory t, int i, Demand d) {
		return switch (d) {
			case TOTAL -> t.total(i);
			case AGED_75_PLUS -> t.aged75(i);
			case AGED_85_PLUS -> t.aged85(i);
		};
	}

	public AccessibilityReport accessibility(CoverageQuery q) {
		Index x = index(q, scene(q, q.bands().horizonMinutes(), Set.of(), List.of(), true));
		Territory t = x.scene().territory();
		int[] offersInReach = new int[t.size()];
		TimeMatrix m = x.scene().matrix();
		for (int e = 0; e < m.entries(); e++) {
			if (weight(q, m.seconds(e)) > 0) {
				offersInReach[m.column(e)]++;
			}
		}
		List<AccessibilityReport.Row> rows = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		Provenance.Times times = new Provenance.Times();
		for (int i : x.scene().area()) {
			if (Double.isNaN(x.demand()[i])) {
				missing.add(t.code(i));
			}
			Provenance.Times time = x.times(i);
			times.add(time);
			rows.add(new AccessibilityReport.Row(t.code(i), t.name(i), t.departement(i),
					figure(demand(t, i, q.demand())), x.result().index()[i], ratio(x.result().index()[i], x.mean()),
					offersInReach[i], method(time)));
		}
		long missingElsewhere = IntStream.range(0, t.size()).filter(i -> Double.isNaN(x.demand()[i])).count()
				- missing.size();
		List<AccessibilityReport.Supply> supplies = supplies(q, x, new Provenance.Times());
		List<AccessibilityReport.Supply> unknown = supplies.stream()
			.filter(AccessibilityReport.Supply::capacityUnknown)
			.toList();
		Provenance p = provenance(times);
		return new AccessibilityReport(q, q.bands().describe(), x.mean(), p.method(), p.estimated(), supplies.size(),
				unknown.size(), unknown, missing, (int) missingElsewhere, rows);
	}

	/**
	 * S_j, Σ P·W and R_j of the offers that serve the reported communes (within the last
	 * band).
	 */
	public SupplyReport supplyTable(CoverageQuery q) {
		Provenance.Times times = new Provenance.Times();
		List<AccessibilityReport.Supply> supplies = supplies(q,
				index(q, scene(q, q.bands().horizonMinutes(), Set.of(), List.of(), true)), times);
		Provenance p = provenance(times);
		return new SupplyReport(q, q.bands().describe(), p.method(), p.estimated(), supplies);
	}

	/**
	 * The offers serving the reported communes; the kinds of the times in their
	 * catchments are added to {@code all}.
	 */
	private List<AccessibilityReport.Supply> supplies(CoverageQuery q, Index x, Provenance.Times all) {
		boolean[] reported = new boolean[x.scene().territory().size()];
		for (int i : x.scene().area()) {
			reported[i] = true;
		}
		TimeMatrix m = x.scene().matrix();
		List<AccessibilityReport.Supply> out = new ArrayList<>();
		List<Site> sites = x.scene().sites();
		for (int j = 0; j < sites.size(); j++) {
			boolean serves = false;
			Provenance.Times times = new Provenance.Times();
			for (int e = m.start(j), end = m.end(j); e < end; e++) {
				if (weight(q, m.seconds(e)) > 0) {
					serves |= reported[m.column(e)];
					times.time(m.estimate(e));
				}
			}
			if (serves) {
				Site s = sites.get(j);
				out.add(new AccessibilityReport.Supply(s.id(), s.name(), s.family().code(), s.departement(),
						s.capacity(), s.capacity() == null, s.supply(), x.result().weightedDemand()[j],
						x.result().ratio()[j], method(times)));
				all.add(times);
			}
		}
		return out;
	}

	public Explanation explain(CoverageQuery q, String communeCode) {
		String code = communeCode == null ? "" : communeCode.trim();
		Territory known = data.territory();
		// the cheap check first: an unknown commune computes nothing (issue 10)
		if (known.size() > 0 && known.indexOf(code) < 0) {
			throw new NotFoundException("Unknown commune '" + code + "'");
		}
		Index x = index(q, scene(q, q.bands().horizonMinutes(), Set.of(), List.of(), true));
		Territory t = x.scene().territory();
		int i = t.indexOf(code);
		if (i < 0) {
			throw new NotFoundException("Unknown commune '" + code + "'");
		}
		double a = x.result().index()[i];
		TimeMatrix m = x.scene().matrix();
		List<Explanation.Contribution> contributions = new ArrayList<>();
		Provenance.Times times = new Provenance.Times();
		for (int j = 0; j < m.rows(); j++) {
			for (int e = m.start(j), end = m.end(j); e < end; e++) {
				double w = weight(q, m.seconds(e));
				if (m.column(e) == i && w > 0) {
					Site s = x.scene().sites().get(j);
					double r = x.result().ratio()[j];
					times.time(m.estimate(e));
					contributions.add(new Explanation.Contribution(s.id(), s.name(), s.family().code(),
							round(m.seconds(e) / 60.0, 2), method(new Provenance.Times().time(m.estimate(e))), w,
							s.capacity(), s.capacity() == null, s.supply(), x.result().weightedDemand()[j], r, r * w,
							a > 0 ? r * w / a : null));
				}
			}
		}
		contributions.sort(Comparator.comparingDouble(Explanation.Contribution::contribution).reversed());
		Provenance p = provenance(times);
		return new Explanation(q, t.code(i), t.name(i), figure(demand(t, i, q.demand())), a, ratio(a, x.mean()),
				p.method(), p.estimated(), contributions);
	}

	private static double weight(CoverageQuery q, double seconds) {
		return Accessibility.weight(seconds, q.bands().upperSeconds(), q.bands().weights());
	}

	// ---- declared vs reachable zones

	public ZoneReport zones(CoverageQuery q) {
		Set<Family> homeCare = q.families()
			.stream()
			.filter(Family::isHomeCare)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		if (homeCare.isEmpty()) {
			throw new InvalidInputException("Declared zones concern services at home; none of " + q.families()
					+ " is one (e.g. ssiad, saad, spasad)");
		}
		Scene s = scene(q.withFamilies(homeCare), q.minutes(), Set.of(), List.of(), false);
		Territory t = s.territory();
		Set<String> areaDeps = Set.copyOf(q.departements());
		List<ZoneReport.Service> services = new ArrayList<>();
		Provenance.Times all = new Provenance.Times();
		for (int j = 0; j < s.sites().size(); j++) {
			Site site = s.sites().get(j);
			if (!site.hasZone()) {
				continue;
			}
			boolean[] reachable = new boolean[t.size()];
			Provenance.Times times = new Provenance.Times();
			for (int e = s.matrix().start(j); e < s.matrix().end(j); e++) {
				reachable[s.matrix().column(e)] = true;
				times.time(s.matrix().estimate(e));
			}
			List<ZoneReport.Place> unreachable = new ArrayList<>();
			List<ZoneReport.Place> undeclared = new ArrayList<>();
			int declared = 0;
			int reached = 0;
			boolean concernsArea = site.departement() != null && areaDeps.contains(site.departement());
			for (int i = 0; i < t.size(); i++) {
				boolean declares = site.declares(t.code(i), t.point(i));
				declared += declares ? 1 : 0;
				reached += reachable[i] ? 1 : 0;
				concernsArea |= declares && areaDeps.contains(t.departement(i));
				if (declares != reachable[i]) {
					(declares ? unreachable : undeclared).add(new ZoneReport.Place(t.code(i), t.name(i)));
				}
			}
			if (concernsArea) {
				services.add(new ZoneReport.Service(site.id(), site.name(), site.family().code(), site.departement(),
						declared, reached, method(times), unreachable, undeclared));
				all.add(times);
			}
		}
		Provenance p = provenance(all);
		return new ZoneReport(q, p.method(), p.estimated(), services);
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
		Scene s = scene(q, q.minutes(), Set.of(), List.of(), true);
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
		TimeMatrix.Builder builder = TimeMatrix.builder(t.size());
		for (int c : s.area()) {
			TimeMatrix row = data.computeRow(t, t.point(c), s.area(), q.seconds(), !homeCare);
			for (int e = 0; e < row.entries(); e++) {
				builder.add(row.column(e), row.seconds(e), row.estimate(e));
			}
			builder.endRow();
		}
		TimeMatrix candidates = builder.build();
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
					IntStream.of(step.newlyCovered()).mapToObj(t::code).toList(), method(times)));
		}
		Provenance p = provenance(all);
		return new SuggestionReport(q, k, p.method(), p.estimated(), aged75, coveredBefore, cumulative, missing, steps);
	}

	// ---- scenarios

	/**
	 * Coverage and E2SFCA of the baseline and of the scenario (closures removed,
	 * hypothetical sites added).
	 */
	public ScenarioComparison compare(long scenarioId, String scenarioName, Set<Long> closures, List<Site> added,
			CoverageQuery q) {
		double horizon = Math.max(Math.max(q.minutes(), q.bands().horizonMinutes()), settings.nearestHorizonMinutes());
		Scene base = scene(q, horizon, Set.of(), List.of(), true);
		Scene what = scene(q, horizon, closures, added, true);
		Nearest nb = Nearest.of(base.matrix());
		Nearest nw = Nearest.of(what.matrix());
		CoverageReport cb = coverageReport(q, base, nb);
		CoverageReport cw = coverageReport(q, what, nw);
		Index xb = index(q, base);
		Index xw = index(q, what);
		List<ScenarioComparison.Row> rows = new ArrayList<>();
		Provenance.Times all = new Provenance.Times();
		for (int n = 0; n < base.area().length; n++) {
			int i = base.area()[n];
			CoverageReport.Row b = cb.communes().get(n);
			CoverageReport.Row w = cw.communes().get(n);
			double ib = xb.result().index()[i];
			double iw = xw.result().index()[i];
			boolean changed = b.covered() != w.covered() || ib != iw
					|| !java.util.Objects.equals(b.minutes(), w.minutes());
			Provenance.Times times = xb.times(i).add(xw.times(i));
			if (nb.reached(i)) {
				times.time(nb.estimate()[i]);
			}
			if (nw.reached(i)) {
				times.time(nw.estimate()[i]);
			}
			all.add(times);
			rows.add(new ScenarioComparison.Row(b.code(), b.name(), b.departement(), b.minutes(), w.minutes(),
					b.covered(), w.covered(), b.aged75Plus(), ib, iw, iw - ib, changed, method(times)));
		}
		Provenance p = provenance(all);
		return new ScenarioComparison(scenarioId, scenarioName, q, cb.totals(), cw.totals(), xb.mean(), xw.mean(),
				p.method(), p.estimated(), (int) rows.stream().filter(ScenarioComparison.Row::changed).count(), rows);
	}

	// ---- helpers

	private static Integer figure(int value) {
		return value < 0 ? null : value;
	}

	private static Double ratio(double index, Double mean) {
		return mean == null ? null : index / mean;
	}

	private Provenance provenance(Provenance.Times times) {
		return times.of(data.engineMethod());
	}

	private String method(Provenance.Times times) {
		return provenance(times).method();
	}

	private static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

}
