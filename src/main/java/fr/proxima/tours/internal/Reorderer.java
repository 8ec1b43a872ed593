package fr.proxima.tours.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import fr.proxima.routing.TravelMethod;
import fr.proxima.routing.TravelTimeEngine;
import fr.proxima.tours.Tour;
import fr.proxima.tours.TourInputException;
import fr.proxima.tours.TourInputException.Fault;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reorders one tour's visits with the solver on the engine's matrix. The given order is
 * kept unless the found one has fewer late visits, or as many and no longer a drive: the
 * answer never drives longer than the given order when that order kept its windows.
 */
@Component
public class Reorderer {

	private static final String CREW = "caregiver";

	private final TravelTimeEngine engine;

	public Reorderer(TravelTimeEngine engine) {
		this.engine = engine;
	}

	/**
	 * @param order positions of the given visits in their new order
	 * @param unassigned position → the solver's reason (those visits come last)
	 */
	public record Result(TravelMethod method, Timeline.Schedule before, Timeline.Schedule after, List<Integer> order,
			boolean kept, java.util.Map<String, String> unassigned, long millis, int iterations) {
	}

	public Result reorder(Tour tour, VrpSolver.Budget budget, boolean allowEstimate) {
		int n = tour.visits().size();
		MatrixLegs m = MatrixLegs.of(engine, TourComputer.points(tour));
		checkNetwork(m, allowEstimate, i -> i == 0 ? "start" : i == n + 1 ? "end" : "visit " + (i - 1));
		List<VrpSolver.Job> jobs = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Tour.Visit v = tour.visits().get(i);
			jobs.add(new VrpSolver.Job(String.valueOf(i), i + 1, v.windowStart() * 60.0, v.windowEnd() * 60.0,
					v.durationMinutes() * 60.0, 0));
		}
		VrpSolver.Crew crew = new VrpSolver.Crew(CREW, 0, n + 1, tour.startMinute() * 60.0, 48 * 3600.0, 1);
		VrpSolver.Answer answer = VrpSolver.solve(m.seconds(), m.metres(), List.of(crew), jobs, VrpSolver.Cost.TIME,
				budget);
		List<Integer> given = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			given.add(i);
		}
		List<Integer> found = new ArrayList<>(
				answer.routes().getOrDefault(CREW, List.of()).stream().map(Integer::valueOf).toList());
		answer.unassigned().keySet().forEach(id -> found.add(Integer.valueOf(id)));
		Timeline.Schedule before = schedule(tour, m, given);
		Timeline.Schedule after = schedule(tour, m, found);
		boolean better = after.lateVisits() < before.lateVisits()
				|| (after.lateVisits() == before.lateVisits() && after.driveSeconds() <= before.driveSeconds());
		return new Result(m.method(), before, better ? after : before, better ? found : given, !better,
				answer.unassigned(), answer.millis(), answer.iterations());
	}

	/** A 422 listing the points off the road network, unless estimates are allowed. */
	public static void checkNetwork(MatrixLegs m, boolean allowEstimate, IntFunction<String> name) {
		List<Integer> off = m.offNetwork();
		if (!off.isEmpty() && !allowEstimate) {
			throw new TourInputException(HttpStatus.UNPROCESSABLE_CONTENT,
					off.stream()
						.map(i -> new Fault(null, name.apply(i),
								"answered by the estimate (" + m.status(i).code()
										+ "): optimising on estimates needs allowEstimate=true"))
						.toList());
		}
	}

	private static Timeline.Schedule schedule(Tour tour, MatrixLegs m, List<Integer> order) {
		List<Integer> points = order.stream().map(i -> i + 1).toList();
		List<Timeline.Stop> all = TourComputer.stops(tour);
		return Timeline.run(tour.startMinute() * 60.0, order.stream().map(all::get).toList(),
				m.along(0, points, tour.visits().size() + 1));
	}

}
