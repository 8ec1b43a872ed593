package fr.proxima.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import fr.proxima.coverage.internal.AccessData;
import fr.proxima.coverage.internal.Accessibility;
import fr.proxima.coverage.internal.Site;
import fr.proxima.coverage.internal.Territory;
import fr.proxima.coverage.internal.TimeMatrix;
import fr.proxima.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What every coverage computation starts from: the offers of the requested families with
 * their sparse times within a horizon, the reported communes, the E2SFCA index over them,
 * and the provenance rule. Every computation runs on all imported communes and offers
 * (neighbouring départements included, so that a border commune served from across the
 * border is not shown as underserved); only the reporting is limited to the requested
 * départements.
 */
@Component
class Scenes {

	private final AccessData data;

	Scenes(AccessData data) {
		this.data = data;
	}

	/**
	 * The offers, their sparse times within a horizon, and the reported communes
	 * (columns).
	 */
	record Scene(Territory territory, List<Site> sites, TimeMatrix matrix, int[] area) {
	}

	Scene scene(CoverageQuery q, double horizonMinutes, Set<Long> closed, List<Site> added, boolean limitToZones) {
		return scene(q, horizonMinutes, closed, added, limitToZones, false);
	}

	/**
	 * {@code reportedOnly}: only the offers that reach a reported commune within the
	 * horizon (issue 15), for answers that report nothing else (coverage, accessibility
	 * and supply, suggestions): exact for those, and the cost of a département no longer
	 * grows with the whole store.
	 */
	Scene scene(CoverageQuery q, double horizonMinutes, Set<Long> closed, List<Site> added, boolean limitToZones,
			boolean reportedOnly) {
		Territory territory = data.territory();
		int[] area = area(territory, q.departements());
		List<Site> sites = new ArrayList<>();
		data.offers(q.families()).stream().filter(s -> !closed.contains(s.id())).forEach(sites::add);
		added.stream().filter(s -> q.families().contains(s.family())).forEach(sites::add);
		double horizon = horizonMinutes * 60;
		if (reportedOnly && area.length < territory.size()) {
			boolean[] reported = new boolean[territory.size()];
			for (int i : area) {
				reported[i] = true;
			}
			sites = data.reaching(territory, sites, reported, horizon, limitToZones);
		}
		return new Scene(territory, sites, data.matrix(territory, sites, horizon, limitToZones), area);
	}

	private static int[] area(Territory territory, List<String> departements) {
		if (territory.size() == 0) {
			throw new InvalidInputException(HttpStatus.CONFLICT,
					"The store holds no communes: import data first (see docs/importing.md)");
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

	record Index(Scene scene, Accessibility.Result result, double[] demand, Double mean) {

		/** The kinds of the weighted times behind commune i's index. */
		Provenance.Times times(int i) {
			return new Provenance.Times().kinds(result.network()[i], result.estimated()[i]);
		}

	}

	Index index(CoverageQuery q, Scene s) {
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

	static int demand(Territory t, int i, Demand d) {
		return switch (d) {
			case TOTAL -> t.total(i);
			case AGED_75_PLUS -> t.aged75(i);
			case AGED_85_PLUS -> t.aged85(i);
		};
	}

	static double weight(CoverageQuery q, double seconds) {
		return q.bands().weight(seconds);
	}

	// ---- helpers

	static Integer figure(int value) {
		return value < 0 ? null : value;
	}

	static Double ratio(double index, Double mean) {
		return mean == null ? null : index / mean;
	}

	Provenance provenance(Provenance.Times times) {
		return times.of(data.engineMethod());
	}

	String method(Provenance.Times times) {
		return provenance(times).method();
	}

	static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

}
