package fr.proxima.tours;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.proxima.accounts.Actor;
import fr.proxima.routing.TravelTimeEngine;
import fr.proxima.shared.Geo;
import fr.proxima.shared.InvalidInputException;
import fr.proxima.tours.TourInputException.Fault;
import fr.proxima.tours.internal.Clock;
import fr.proxima.tours.internal.MatrixLegs;
import fr.proxima.tours.internal.Reorderer;
import fr.proxima.tours.internal.Timeline;
import fr.proxima.tours.internal.TourChecks;
import fr.proxima.tours.internal.TourComputer;
import fr.proxima.tours.internal.TourStore;
import fr.proxima.tours.internal.VrpSolver;
import org.locationtech.jts.geom.Point;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Optimisation of tours with jsprit on the travel-time engine's matrix: reorder one
 * caregiver's visits, or plan an organisation's day over several caregivers. Bounded by
 * the visit limits and the time budget of {@link ToursSettings}.
 */
@Service
public class OptimisationService {

	private final ToursAccess access;

	private final TourStore store;

	private final TravelTimeEngine engine;

	private final TourService tours;

	private final ToursSettings settings;

	private final TourComputer computer;

	private final Reorderer reorderer;

	OptimisationService(ToursAccess access, TourStore store, TravelTimeEngine engine, TourService tours,
			ToursSettings settings, TourComputer computer, Reorderer reorderer) {
		this.computer = computer;
		this.reorderer = reorderer;
		this.access = access;
		this.store = store;
		this.engine = engine;
		this.tours = tours;
		this.settings = settings;
	}

	/** Reorders one tour's visits to drive less within every window. */
	@Transactional
	public Optimisation reorder(long tourId, Double seconds, boolean allowEstimate, boolean apply) {
		Tour tour = access.tour(tourId, "optimise");
		limit(tour.visits().size(), settings.maxVisitsPerTour(), "proxima.tours.max-visits-per-tour");
		VrpSolver.Budget budget = budget(seconds);
		Reorderer.Result r = reorderer.reorder(tour, budget, allowEstimate);
		Tour reordered = tour.withVisits(r.order().stream().map(tour.visits()::get).toList());
		TourView view;
		if (apply) {
			store.update(tourId, reordered);
			view = tours.computeAndSave(reordered);
		}
		else {
			view = computer.compute(reordered, false).view();
		}
		List<Optimisation.Unassigned> unassigned = r.unassigned()
			.entrySet()
			.stream()
			.map(e -> new Optimisation.Unassigned("visit " + e.getKey(), e.getValue()))
			.toList();
		return new Optimisation(r.method(), figures(r.before()), figures(r.after()), r.order(), r.kept(), List.of(),
				unassigned, r.millis(), r.iterations(), budget.millis(), apply, view);
	}

	/**
	 * Shares the visits of an organisation's tours of one day among its caregivers from
	 * one depot, each within its windows and the maximum working time. Reports only: the
	 * stored tours are not changed.
	 */
	public Optimisation plan(long organisationId, PlanRequest req) {
		Actor actor = access.coordinator(organisationId);
		if (req.date() == null) {
			throw new InvalidInputException("date (YYYY-MM-DD) is required");
		}
		List<Tour> day = store.list(organisationId, req.date());
		access.record(organisationId, day.stream().map(Tour::id).toList(), actor, "optimise");
		Set<String> caregivers = new LinkedHashSet<>(
				req.caregivers() == null ? day.stream().map(Tour::caregiver).toList() : req.caregivers());
		for (String c : caregivers) {
			String fault = TourChecks.pseudonymFault(c == null ? "" : c.trim());
			if (fault != null) {
				throw new TourInputException(HttpStatus.UNPROCESSABLE_CONTENT,
						List.of(new Fault(null, "caregivers", fault)));
			}
		}
		if (caregivers.isEmpty()) {
			throw new InvalidInputException(HttpStatus.UNPROCESSABLE_CONTENT,
					"No caregiver: no tour on " + req.date() + " and none given");
		}
		limit(caregivers.size(), settings.maxCaregiversPerPlan(), "proxima.tours.max-caregivers-per-plan");
		List<String> ids = new ArrayList<>();
		List<Tour.Visit> visits = new ArrayList<>();
		for (Tour t : day) {
			for (int i = 0; i < t.visits().size(); i++) {
				ids.add(t.id() + ":" + i);
				visits.add(t.visits().get(i));
			}
		}
		limit(visits.size(), settings.maxVisitsPerPlan(), "proxima.tours.max-visits-per-plan");
		double[] depot = req.depot() != null ? req.depot() : store.premises(organisationId)
			.orElse(day.isEmpty() ? null : new double[] { day.get(0).startLon(), day.get(0).startLat() });
		if (depot == null || depot.length != 2) {
			throw new InvalidInputException(HttpStatus.UNPROCESSABLE_CONTENT, "Give the depot as [lon, lat]");
		}
		int departure = req.departure() == null ? 8 * 60 : Clock.parse(req.departure());
		int maxWorking = req.maxWorkingMinutes() == null ? 8 * 60 : req.maxWorkingMinutes();
		if (departure < 0 || maxWorking < 30 || maxWorking > 16 * 60) {
			throw new InvalidInputException(HttpStatus.UNPROCESSABLE_CONTENT,
					"departure must be HH:MM and maxWorkingMinutes 30 to 960");
		}
		List<Point> points = new ArrayList<>();
		points.add(Geo.point(depot[0], depot[1]));
		visits.forEach(v -> points.add(Geo.point(v.lon(), v.lat())));
		VrpSolver.Budget budget = budget(req.seconds());
		MatrixLegs m = MatrixLegs.of(engine, points);
		Reorderer.checkNetwork(m, Boolean.TRUE.equals(req.allowEstimate()),
				i -> i == 0 ? "depot" : "visit " + ids.get(i - 1));
		List<VrpSolver.Job> jobs = new ArrayList<>();
		for (int i = 0; i < visits.size(); i++) {
			Tour.Visit v = visits.get(i);
			jobs.add(new VrpSolver.Job(ids.get(i), i + 1, v.windowStart() * 60.0, v.windowEnd() * 60.0,
					v.durationMinutes() * 60.0, 0));
		}
		List<VrpSolver.Crew> crews = caregivers.stream()
			.map(c -> new VrpSolver.Crew(c.trim(), 0, 0, departure * 60.0, (departure + maxWorking) * 60.0, 1))
			.toList();
		VrpSolver.Answer answer = VrpSolver.solve(m.seconds(), m.metres(), crews, jobs, VrpSolver.Cost.TIME, budget);
		List<Timeline.Schedule> before = new ArrayList<>();
		int offset = 1;
		for (Tour t : day) {
			List<Integer> stops = new ArrayList<>();
			for (int i = 0; i < t.visits().size(); i++) {
				stops.add(offset + i);
			}
			offset += t.visits().size();
			before.add(Timeline.run(t.startMinute() * 60.0, stops(stops, visits), m.along(0, stops, 0)));
		}
		List<Optimisation.CaregiverRoute> routes = new ArrayList<>();
		List<Timeline.Schedule> after = new ArrayList<>();
		for (Map.Entry<String, List<String>> r : answer.routes().entrySet()) {
			List<Integer> stops = r.getValue().stream().map(id -> ids.indexOf(id) + 1).toList();
			Timeline.Schedule s = Timeline.run(departure * 60.0, stops(stops, visits), m.along(0, stops, 0));
			after.add(s);
			routes.add(new Optimisation.CaregiverRoute(r.getKey(), r.getValue(), figures(s)));
		}
		List<Optimisation.Unassigned> unassigned = answer.unassigned()
			.entrySet()
			.stream()
			.map(e -> new Optimisation.Unassigned(e.getKey(), e.getValue()))
			.toList();
		return new Optimisation(m.method(), sum(before), sum(after), List.of(), false, routes, unassigned,
				answer.millis(), answer.iterations(), budget.millis(), false, null);
	}

	private static List<Timeline.Stop> stops(List<Integer> points, List<Tour.Visit> visits) {
		return points.stream()
			.map(p -> visits.get(p - 1))
			.map(v -> new Timeline.Stop(v.windowStart() * 60.0, v.windowEnd() * 60.0, v.durationMinutes() * 60.0))
			.toList();
	}

	private VrpSolver.Budget budget(Double seconds) {
		long max = settings.optimisationBudget().toMillis();
		if (seconds != null && (!(seconds > 0) || seconds * 1000 > max)) {
			throw new InvalidInputException(HttpStatus.UNPROCESSABLE_CONTENT, "seconds must be more than 0 and at most "
					+ max / 1000.0 + " (proxima.tours.optimisation-budget), got " + seconds);
		}
		return new VrpSolver.Budget(seconds == null ? max : (long) (seconds * 1000), settings.maxIterations(),
				settings.seed());
	}

	private static void limit(int count, int max, String setting) {
		if (count > max) {
			throw new InvalidInputException(HttpStatus.CONTENT_TOO_LARGE,
					count + " exceeds the limit of " + max + " (" + setting + ")");
		}
	}

	private static Optimisation.Figures figures(Timeline.Schedule s) {
		return new Optimisation.Figures(Clock.round(s.driveSeconds() / 60), Clock.round(s.driveMetres() / 1000),
				s.lateVisits(), Clock.round((s.returnAt() - s.departure()) / 60));
	}

	private static Optimisation.Figures sum(List<Timeline.Schedule> all) {
		return new Optimisation.Figures(
				Clock.round(all.stream().mapToDouble(Timeline.Schedule::driveSeconds).sum() / 60),
				Clock.round(all.stream().mapToDouble(Timeline.Schedule::driveMetres).sum() / 1000),
				all.stream().mapToInt(Timeline.Schedule::lateVisits).sum(),
				Clock.round(all.stream().mapToDouble(s -> s.returnAt() - s.departure()).sum() / 60));
	}

}
