package fr.proxima.tours;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.proxima.accounts.Actor;
import fr.proxima.shared.Feature;
import fr.proxima.shared.FeatureCollection;
import fr.proxima.shared.Geo;
import fr.proxima.shared.InvalidInputException;
import fr.proxima.shared.NotFoundException;
import fr.proxima.tours.TourInputException.Fault;
import fr.proxima.tours.internal.AuditLog;
import fr.proxima.tours.internal.Clock;
import fr.proxima.tours.internal.TourChecks;
import fr.proxima.tours.internal.TourComputer;
import fr.proxima.tours.internal.TourStore;
import fr.proxima.tours.internal.ToursCsv;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tours of one organisation: create, import, read, list, map, export, replace, delete.
 * Every method checks the actor through {@link ToursAccess} before touching tour data.
 */
@Service
public class TourService {

	private final ToursAccess access;

	private final TourStore store;

	private final TourChecks checks;

	private final TourComputer computer;

	private final AuditLog audit;

	private final ToursSettings settings;

	TourService(ToursAccess access, TourStore store, TourChecks checks, TourComputer computer, AuditLog audit,
			ToursSettings settings) {
		this.access = access;
		this.store = store;
		this.checks = checks;
		this.computer = computer;
		this.audit = audit;
		this.settings = settings;
	}

	@Transactional
	public TourView create(long organisationId, TourInput input) {
		Actor actor = access.coordinator(organisationId);
		Tour tour = checks.tour(organisationId, input, null);
		long id = store.insert(tour);
		access.record(organisationId, List.of(id), actor, "create");
		return computeAndSave(tour.withId(id));
	}

	/** Imports every tour of a CSV file in one transaction: all or nothing. */
	@Transactional
	public List<TourSummary> importCsv(long organisationId, String csv) {
		Actor actor = access.coordinator(organisationId);
		if (csv.length() > settings.maxImportBytes()) {
			throw new InvalidInputException(HttpStatus.CONTENT_TOO_LARGE,
					"The file exceeds " + settings.maxImportBytes() + " bytes (proxima.tours.max-import-bytes)");
		}
		List<Fault> faults = new ArrayList<>();
		List<ToursCsv.Group> groups = ToursCsv.read(csv, faults);
		List<Tour> tours = new ArrayList<>();
		for (ToursCsv.Group g : groups) {
			if (g.tour().visits().size() > settings.maxVisitsPerTour()) {
				faults.add(new Fault(g.firstLine(), "caregiver", g.tour().visits().size()
						+ " visits exceed the limit of " + settings.maxVisitsPerTour() + " per tour"));
				continue;
			}
			Tour t = checks.tour(organisationId, g.tour(), g.firstLine(), faults);
			if (t != null) {
				tours.add(t);
			}
		}
		if (groups.isEmpty() && faults.isEmpty()) {
			faults.add(new Fault(2, "file", "no visit line"));
		}
		if (!faults.isEmpty()) {
			throw new TourInputException(HttpStatus.UNPROCESSABLE_CONTENT, faults);
		}
		List<TourSummary> created = new ArrayList<>();
		for (Tour t : tours) {
			long id = store.insert(t);
			computeAndSave(t.withId(id));
			created.add(summary(t.withId(id)));
		}
		access.record(organisationId, created.stream().map(TourSummary::id).toList(), actor, "import");
		return created;
	}

	public List<TourSummary> list(long organisationId, LocalDate date) {
		Actor actor = access.coordinator(organisationId);
		List<Tour> tours = store.list(organisationId, date);
		access.record(organisationId, tours.stream().map(Tour::id).toList(), actor, "list");
		return tours.stream().map(TourService::summary).toList();
	}

	public TourView detail(long id) {
		return computer.compute(access.tour(id, "read"), false).view();
	}

	/** The tour as a map layer: its legs (road geometry) and its visits, numbered. */
	public FeatureCollection layer(long id) {
		TourView v = computer.compute(access.tour(id, "map"), true).view();
		List<Feature> features = new ArrayList<>();
		for (TourView.LegView leg : v.legs()) {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("kind", "leg");
			p.put("from", leg.from());
			p.put("to", leg.to());
			p.put("minutes", leg.minutes());
			p.put("km", leg.km());
			p.put("method", leg.method().code());
			org.locationtech.jts.geom.Geometry g = leg.geometry();
			if (g == null) {
				double[] a = leg.index() == 0 ? v.start() : point(v.visits().get(leg.index() - 1));
				double[] b = leg.index() == v.visits().size() ? v.end() : point(v.visits().get(leg.index()));
				g = Geo.FACTORY.createLineString(new org.locationtech.jts.geom.Coordinate[] {
						new org.locationtech.jts.geom.Coordinate(a[0], a[1]),
						new org.locationtech.jts.geom.Coordinate(b[0], b[1]) });
			}
			features.add(Feature.of("leg-" + leg.index(), g, p));
		}
		for (TourView.VisitView visit : v.visits()) {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("kind", "visit");
			p.put("position", visit.position());
			p.put("window", visit.windowFrom() + "–" + visit.windowTo());
			p.put("start", visit.start());
			p.put("lateMinutes", visit.lateMinutes());
			p.put("careType", visit.careType().code());
			features.add(Feature.of("visit-" + visit.position(), Geo.point(visit.lon(), visit.lat()), p));
		}
		features.add(Feature.of("start", Geo.point(v.start()[0], v.start()[1]), Map.of("kind", "start")));
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("tour", v.id());
		meta.put("method", v.method().code());
		meta.put("totals", v.totals());
		return FeatureCollection.of(features, meta);
	}

	@Transactional
	public TourView replace(long id, TourInput input) {
		Tour old = access.tour(id, "update");
		Tour tour = checks.tour(old.organisationId(), input, null).withId(id);
		store.update(id, tour);
		return computeAndSave(tour);
	}

	@Transactional
	public void delete(long id) {
		Tour old = access.tour(id, "delete");
		if (!store.delete(old.id())) {
			throw new NotFoundException("No tour " + id);
		}
	}

	/** The organisation's tours (of one day or all) in the import layout. */
	public String exportCsv(long organisationId, LocalDate date) {
		Actor actor = access.coordinator(organisationId);
		List<Tour> tours = store.list(organisationId, date);
		access.record(organisationId, tours.stream().map(Tour::id).toList(), actor, "export");
		return ToursCsv.write(tours);
	}

	/** The audit page, newest first, with its total. */
	public Map<String, Object> audit(long organisationId, Long tourId, int limit, long offset) {
		access.auditReader(organisationId);
		if (limit < 1 || limit > 500 || offset < 0) {
			throw new InvalidInputException("limit must be 1 to 500 and offset at least 0");
		}
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("items", audit.list(organisationId, tourId, limit, offset));
		page.put("total", audit.count(organisationId, tourId));
		return page;
	}

	TourView computeAndSave(Tour tour) {
		TourComputer.Computed c = computer.compute(tour, false);
		store.saveComputation(tour.id(), c.schedule(), c.view().method().code());
		return c.view();
	}

	private static double[] point(TourView.VisitView v) {
		return new double[] { v.lon(), v.lat() };
	}

	static TourSummary summary(Tour t) {
		return new TourSummary(t.id(), t.date(), t.caregiver(), Clock.text(t.startMinute()), t.visits().size());
	}

}
