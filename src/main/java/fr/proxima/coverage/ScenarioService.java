package fr.proxima.coverage;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.proxima.accounts.AccountDirectory;
import fr.proxima.accounts.Actor;
import fr.proxima.accounts.Permissions;
import fr.proxima.coverage.internal.Site;
import fr.proxima.offers.Family;
import fr.proxima.offers.Offer;
import fr.proxima.offers.OfferRepository;
import fr.proxima.shared.Geo;
import fr.proxima.shared.InvalidInputException;
import fr.proxima.shared.NotFoundException;
import fr.proxima.shared.Paging;
import fr.proxima.shared.ResultPage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores named what-if scenarios and compares each with the baseline. A scenario belongs
 * to its author (a planner): private unless shared with named planners or made visible to
 * every planner; only its author or an admin changes or deletes it.
 */
@Service
public class ScenarioService {

	private final ScenarioRepository scenarios;

	private final OfferRepository offers;

	private final CoverageService coverage;

	private final CoverageSettings settings;

	private final Permissions permissions;

	private final AccountDirectory accounts;

	ScenarioService(ScenarioRepository scenarios, OfferRepository offers, CoverageService coverage,
			CoverageSettings settings, Permissions permissions, AccountDirectory accounts) {
		this.permissions = permissions;
		this.accounts = accounts;
		this.scenarios = scenarios;
		this.offers = offers;
		this.coverage = coverage;
		this.settings = settings;
	}

	/**
	 * The scenarios the caller may read, by name: one query for the page, one for the
	 * total, one per collection (sites, closures, shares) and one for the e-mails.
	 */
	@Transactional(readOnly = true)
	public ResultPage<ScenarioView> list(Paging paging) {
		Actor actor = permissions.requirePlanner();
		List<Scenario> page = scenarios.visible(actor.isAdmin(), me(actor), paging.limit(), paging.offset());
		long total = page.size() < paging.limit() && (paging.offset() == 0 || !page.isEmpty())
				? paging.offset() + page.size() : scenarios.countVisible(actor.isAdmin(), me(actor));
		return ResultPage.of(views(page, actor), total, paging);
	}

	@Transactional(readOnly = true)
	public ScenarioView get(long id) {
		Actor actor = permissions.requirePlanner();
		return views(List.of(readable(id, actor)), actor).get(0);
	}

	@Transactional
	public ScenarioView create(ScenarioRequest request) {
		Actor actor = permissions.requirePlanner();
		if (actor.userId() != null && scenarios.countByOwnerId(actor.userId()) >= settings.maxScenariosPerPlanner()) {
			throw new InvalidInputException(HttpStatus.CONFLICT,
					"A planner owns at most " + settings.maxScenariosPerPlanner() + " scenarios: delete one first");
		}
		Scenario s = new Scenario();
		s.setCreatedAt(OffsetDateTime.now());
		s.setOwnerId(actor.userId());
		return views(List.of(save(s, request)), actor).get(0);
	}

	@Transactional
	public ScenarioView update(long id, ScenarioRequest request) {
		Actor actor = permissions.requirePlanner();
		return views(List.of(save(writable(id, actor), request)), actor).get(0);
	}

	@Transactional
	public void delete(long id) {
		scenarios.delete(writable(id, permissions.requirePlanner()));
	}

	@Transactional(readOnly = true)
	public ScenarioComparison compare(long id, CoverageQuery q) {
		Scenario s = readable(id, permissions.requirePlanner());
		List<Site> added = s.getSites()
			.stream()
			.map(x -> Site.hypothetical(x.getName(), x.getFamily(), x.getCapacity(), x.getGeom()))
			.toList();
		return coverage.compare(s.getId(), s.getName(), Set.copyOf(s.getClosures()), added, q);
	}

	private Scenario find(long id) {
		return scenarios.findById(id).orElseThrow(() -> new NotFoundException("Unknown scenario " + id));
	}

	/** -1 matches no owner: the admin token and the system have no user id. */
	private static long me(Actor actor) {
		return actor.userId() == null ? -1 : actor.userId();
	}

	private static boolean canRead(Scenario s, Actor actor) {
		return actor.isAdmin() || s.getOwnerId() == null || s.getOwnerId() == me(actor)
				|| s.getVisibility() == ScenarioVisibility.PLANNERS
				|| (s.getVisibility() == ScenarioVisibility.SHARED && s.getSharedWith().contains(me(actor)));
	}

	private static boolean canWrite(Scenario s, Actor actor) {
		return actor.isAdmin() || (s.getOwnerId() != null && s.getOwnerId() == me(actor));
	}

	private Scenario readable(long id, Actor actor) {
		Scenario s = find(id);
		if (!canRead(s, actor)) {
			throw Permissions.forbidden("Scenario " + id + " is not shared with you");
		}
		return s;
	}

	private Scenario writable(long id, Actor actor) {
		Scenario s = readable(id, actor);
		if (!canWrite(s, actor)) {
			throw Permissions.forbidden("Only the author of scenario " + id + " (or an admin) may change it");
		}
		return s;
	}

	private List<ScenarioView> views(List<Scenario> page, Actor actor) {
		Set<Long> users = new HashSet<>();
		page.forEach(s -> {
			if (s.getOwnerId() != null) {
				users.add(s.getOwnerId());
			}
			users.addAll(s.getSharedWith());
		});
		Map<Long, String> emails = accounts.emails(users);
		return page.stream().map(s -> ScenarioView.of(s, emails, canWrite(s, actor))).toList();
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
		ScenarioVisibility visibility = r.visibility() == null ? s.getVisibility()
				: ScenarioVisibility.fromCode(r.visibility());
		List<String> shares = r.sharedWith() == null ? List.of() : r.sharedWith();
		if (shares.size() > settings.maxScenarioShares()) {
			throw new InvalidInputException(
					"A scenario is shared with at most " + settings.maxScenarioShares() + " planners");
		}
		List<Long> sharedWith = accounts.plannerIds(shares);
		if (r.sharedWith() != null || visibility != ScenarioVisibility.SHARED) {
			s.getSharedWith().clear();
			if (visibility == ScenarioVisibility.SHARED) {
				s.getSharedWith().addAll(sharedWith);
			}
		}
		s.setVisibility(visibility);
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
