package fr.proxima.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import fr.proxima.coverage.Scenes.Index;
import fr.proxima.coverage.Scenes.Scene;
import fr.proxima.coverage.internal.AccessData;
import fr.proxima.coverage.internal.Nearest;
import fr.proxima.coverage.internal.Site;
import fr.proxima.coverage.internal.Territory;
import fr.proxima.coverage.internal.TimeMatrix;
import fr.proxima.shared.NotFoundException;
import org.springframework.stereotype.Service;

import static fr.proxima.coverage.Scenes.demand;
import static fr.proxima.coverage.Scenes.figure;
import static fr.proxima.coverage.Scenes.ratio;
import static fr.proxima.coverage.Scenes.round;
import static fr.proxima.coverage.Scenes.weight;

/**
 * Coverage per commune, E2SFCA accessibility with its explanation, and the comparison of
 * a what-if scenario with the baseline.
 */
@Service
public class CoverageService {

	private final Scenes scenes;

	private final AccessData data;

	private final CoverageSettings settings;

	CoverageService(Scenes scenes, AccessData data, CoverageSettings settings) {
		this.scenes = scenes;
		this.data = data;
		this.settings = settings;
	}

	// ---- coverage

	public CoverageReport coverage(CoverageQuery q) {
		Scene s = scenes.scene(q, Math.max(q.minutes(), settings.nearestHorizonMinutes()), Set.of(), List.of(), true,
				true);
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
					figure(figures[2]), coveredFigures[0], coveredFigures[1], coveredFigures[2], scenes.method(time)));
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
		Provenance p = scenes.provenance(times);
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

	public AccessibilityReport accessibility(CoverageQuery q) {
		Index x = scenes.index(q, scenes.scene(q, q.bands().horizonMinutes(), Set.of(), List.of(), true, true));
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
					offersInReach[i], scenes.method(time)));
		}
		long missingElsewhere = IntStream.range(0, t.size()).filter(i -> Double.isNaN(x.demand()[i])).count()
				- missing.size();
		List<AccessibilityReport.Supply> supplies = supplies(q, x, new Provenance.Times());
		List<AccessibilityReport.Supply> unknown = supplies.stream()
			.filter(AccessibilityReport.Supply::capacityUnknown)
			.toList();
		Provenance p = scenes.provenance(times);
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
				scenes.index(q, scenes.scene(q, q.bands().horizonMinutes(), Set.of(), List.of(), true, true)), times);
		Provenance p = scenes.provenance(times);
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
						x.result().ratio()[j], scenes.method(times)));
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
		Index x = scenes.index(q, scenes.scene(q, q.bands().horizonMinutes(), Set.of(), List.of(), true));
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
							round(m.seconds(e) / 60.0, 2), scenes.method(new Provenance.Times().time(m.estimate(e))), w,
							s.capacity(), s.capacity() == null, s.supply(), x.result().weightedDemand()[j], r, r * w,
							a > 0 ? r * w / a : null));
				}
			}
		}
		contributions.sort(Comparator.comparingDouble(Explanation.Contribution::contribution).reversed());
		Provenance p = scenes.provenance(times);
		return new Explanation(q, t.code(i), t.name(i), figure(demand(t, i, q.demand())), a, ratio(a, x.mean()),
				p.method(), p.estimated(), contributions);
	}

	// ---- scenarios

	/**
	 * Coverage and E2SFCA of the baseline and of the scenario (closures removed,
	 * hypothetical sites added).
	 */
	public ScenarioComparison compare(long scenarioId, String scenarioName, Set<Long> closures, List<Site> added,
			CoverageQuery q) {
		double horizon = Math.max(Math.max(q.minutes(), q.bands().horizonMinutes()), settings.nearestHorizonMinutes());
		Scene base = scenes.scene(q, horizon, Set.of(), List.of(), true);
		Scene what = scenes.scene(q, horizon, closures, added, true);
		Nearest nb = Nearest.of(base.matrix());
		Nearest nw = Nearest.of(what.matrix());
		CoverageReport cb = coverageReport(q, base, nb);
		CoverageReport cw = coverageReport(q, what, nw);
		Index xb = scenes.index(q, base);
		Index xw = scenes.index(q, what);
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
					b.covered(), w.covered(), b.aged75Plus(), ib, iw, iw - ib, changed, scenes.method(times)));
		}
		Provenance p = scenes.provenance(all);
		return new ScenarioComparison(scenarioId, scenarioName, q, cb.totals(), cw.totals(), xb.mean(), xw.mean(),
				p.method(), p.estimated(), (int) rows.stream().filter(ScenarioComparison.Row::changed).count(), rows);
	}

}
