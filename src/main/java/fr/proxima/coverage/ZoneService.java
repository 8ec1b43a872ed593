package fr.proxima.coverage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import fr.proxima.coverage.Scenes.Scene;
import fr.proxima.coverage.internal.Site;
import fr.proxima.coverage.internal.Territory;
import fr.proxima.offers.Family;
import fr.proxima.shared.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Declared against reachable zones of the services at home: the communes a service
 * declares but cannot reach within T, and those it reaches without declaring them.
 */
@Service
public class ZoneService {

	private final Scenes scenes;

	ZoneService(Scenes scenes) {
		this.scenes = scenes;
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
		Scene s = scenes.scene(q.withFamilies(homeCare), q.minutes(), Set.of(), List.of(), false);
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
						declared, reached, scenes.method(times), unreachable, undeclared));
				all.add(times);
			}
		}
		Provenance p = scenes.provenance(all);
		return new ZoneReport(q, p.method(), p.estimated(), services);
	}

}
