package fr.proxima.coverage;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import fr.proxima.coverage.internal.Site;
import fr.proxima.offers.Family;
import fr.proxima.offers.Offer;
import fr.proxima.offers.OfferRepository;
import fr.proxima.shared.Geo;
import fr.proxima.shared.InvalidInputException;
import fr.proxima.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores named what-if scenarios and compares each with the baseline. */
@Service
public class ScenarioService {

	private final ScenarioRepository scenarios;

	private final OfferRepository offers;

	private final CoverageService coverage;

	private final CoverageSettings settings;

	ScenarioService(ScenarioRepository scenarios, OfferRepository offers, CoverageService coverage,
			CoverageSettings settings) {
		this.scenarios = scenarios;
		this.offers = offers;
		this.coverage = coverage;
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	public List<ScenarioView> list() {
		return scenarios.findAll().stream().map(ScenarioView::of).toList();
	}

	@Transactional(readOnly = true)
	public ScenarioView get(long id) {
		return ScenarioView.of(find(id));
	}

	@Transactional
	public ScenarioView create(ScenarioRequest request) {
		Scenario s = new Scenario();
		s.setCreatedAt(OffsetDateTime.now());
		return ScenarioView.of(save(s, request));
	}

	@Transactional
	public ScenarioView update(long id, ScenarioRequest request) {
		return ScenarioView.of(save(find(id), request));
	}

	@Transactional
	public void delete(long id) {
		scenarios.delete(find(id));
	}

	@Transactional(readOnly = true)
	public ScenarioComparison compare(long id, CoverageQuery q) {
		Scenario s = find(id);
		List<Site> added = s.getSites()
			.stream()
			.map(x -> Site.hypothetical(x.getName(), x.getFamily(), x.getCapacity(), x.getGeom()))
			.toList();
		return coverage.compare(s.getId(), s.getName(), Set.copyOf(s.getClosures()), added, q);
	}

	private Scenario find(long id) {
		return scenarios.findById(id).orElseThrow(() -> new NotFoundException("Unknown scenario " + id));
	}

	private Scenario save(Scenario s, ScenarioRequest r) {
		String name = r.name() == null ? "" : r.name().trim();
		if (name.isEmpty() || name.length() > 200) {
			throw new InvalidInputException("A scenario needs a name of 1 to 200 characters");
		}
		scenarios.findByName(name).filter(other -> !other.getId().equals(s.getId())).ifPresent(other -> {
			throw new InvalidInputException(HttpStatus.CONFLICT, "A scenario named '" + name + "' already exists");
		});
		if (r.description() != null && r.description().length() > 2000) {
			throw new InvalidInputException("The description is limited to 2000 characters");
		}
		List<ScenarioRequest.Site> sites = r.sites() == null ? List.of() : r.sites();
		List<Long> closures = r.closures() == null ? List.of() : r.closures();
		if (sites.size() > settings.maxScenarioSites() || closures.size() > settings.maxScenarioSites()) {
			throw new InvalidInputException(
					"A scenario holds at most " + settings.maxScenarioSites() + " sites and as many closures");
		}
		List<ScenarioSite> parsed = sites.stream().map(ScenarioService::site).toList();
		Set<Long> wanted = new HashSet<>(closures);
		Set<Long> found = new HashSet<>(offers.findAllById(wanted).stream().map(Offer::getId).toList());
		wanted.removeAll(found);
		if (!wanted.isEmpty()) {
			throw new InvalidInputException("Unknown offers to close: " + wanted);
		}
		s.setName(name);
		s.setDescription(r.description());
		s.setUpdatedAt(OffsetDateTime.now());
		s.getSites().clear();
		s.getSites().addAll(parsed);
		s.getClosures().clear();
		s.getClosures().addAll(closures);
		return scenarios.save(s);
	}

	private static ScenarioSite site(ScenarioRequest.Site site) {
		if (site == null || site.lon() == null || site.lat() == null) {
			throw new InvalidInputException("Every scenario site needs lon and lat");
		}
		if (site.capacity() != null && site.capacity() < 0) {
			throw new InvalidInputException("A site's capacity may not be negative");
		}
		String name = site.name() == null || site.name().isBlank() ? "Hypothetical site" : site.name().trim();
		if (name.length() > 255) {
			throw new InvalidInputException("A site's name is limited to 255 characters");
		}
		return new ScenarioSite(name, Family.fromCode(site.family()), site.capacity(),
				Geo.point(site.lon(), site.lat()));
	}

}
