package fr.proxima.tours.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.listener.IterationEndsListener;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TimeWindow;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleType;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.FastVehicleRoutingTransportCostsMatrix;
import com.graphhopper.jsprit.core.util.Solutions;
import com.graphhopper.jsprit.core.util.UnassignedJobReasonTracker;

/**
 * Vehicle routing with time windows on a given matrix, solved by jsprit (the only class
 * that imports it): each job is served once, within its window, by a crew that leaves its
 * start no earlier than its earliest time and reaches its end no later than its latest
 * time. Matrices are indexed by location; unreachable cells are NaN.
 */
public final class VrpSolver {

	/** A cell the search must never use. */
	static final double UNREACHABLE = 1e9;

	private VrpSolver() {
	}

	/** A visit: location index, window (start must fall in it), service time, demand. */
	public record Job(String id, int location, double windowStart, double windowEnd, double service, int demand) {
	}

	/** A caregiver (a vehicle): start and end location, working time, capacity. */
	public record Crew(String id, int start, int end, double earliest, double latest, int capacity) {
	}

	/** What the search minimises. */
	public enum Cost {

		TIME, DISTANCE

	}

	/** The limits of one search: wall-clock budget, iterations and the seed. */
	public record Budget(long millis, int maxIterations, long seed) {
	}

	/**
	 * @param routes job ids in visiting order, per crew id (crews with no job are absent)
	 * @param unassigned job id → the reason jsprit reports
	 */
	public record Answer(Map<String, List<String>> routes, Map<String, String> unassigned, long millis,
			int iterations) {
	}

	public static Answer solve(double[][] seconds, double[][] metres, List<Crew> crews, List<Job> jobs, Cost cost,
			Budget budget) {
		long t0 = System.nanoTime();
		int n = seconds.length;
		FastVehicleRoutingTransportCostsMatrix.Builder matrix = FastVehicleRoutingTransportCostsMatrix.Builder
			.newInstance(n, false);
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				matrix.addTransportTimeAndDistance(i, j, finite(seconds[i][j]), finite(metres[i][j]));
			}
		}
		VehicleRoutingProblem.Builder vrp = VehicleRoutingProblem.Builder.newInstance()
			.setFleetSize(VehicleRoutingProblem.FleetSize.FINITE)
			.setRoutingCost(matrix.build());
		VehicleType type = VehicleTypeImpl.Builder.newInstance("caregiver")
			.addCapacityDimension(0, crews.stream().mapToInt(Crew::capacity).max().orElse(1))
			.setFixedCost(0)
			.setCostPerDistance(cost == Cost.DISTANCE ? 1 : 0)
			.setCostPerTransportTime(cost == Cost.TIME ? 1 : 0)
			.setCostPerWaitingTime(0)
			.setCostPerServiceTime(0)
			.build();
		for (Crew c : crews) {
			vrp.addVehicle(VehicleImpl.Builder.newInstance(c.id())
				.setType(capacity(type, c.capacity()))
				.setStartLocation(Location.newInstance(c.start()))
				.setEndLocation(Location.newInstance(c.end()))
				.setEarliestStart(c.earliest())
				.setLatestArrival(c.latest())
				.build());
		}
		for (Job j : jobs) {
			vrp.addJob(Service.Builder.newInstance(j.id())
				.setLocation(Location.newInstance(j.location()))
				.setServiceTime(j.service())
				.addTimeWindow(TimeWindow.newInstance(j.windowStart(), j.windowEnd()))
				.addSizeDimension(0, j.demand())
				.build());
		}
		VehicleRoutingProblem problem = vrp.build();
		VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(problem)
			.setProperty(Jsprit.Parameter.THREADS, "1")
			.setRandom(new Random(budget.seed()))
			.buildAlgorithm();
		algorithm.setMaxIterations(budget.maxIterations());
		TimeTermination time = new TimeTermination(budget.millis());
		algorithm.addTerminationCriterion(time);
		algorithm.addListener(time);
		UnassignedJobReasonTracker reasons = new UnassignedJobReasonTracker();
		algorithm.addListener(reasons);
		AtomicInteger iterations = new AtomicInteger();
		algorithm.addListener((IterationEndsListener) (i, p, s) -> iterations.set(i));
		Collection<VehicleRoutingProblemSolution> solutions = algorithm.searchSolutions();
		VehicleRoutingProblemSolution best = Solutions.bestOf(solutions);
		Map<String, List<String>> routes = new LinkedHashMap<>();
		for (VehicleRoute route : best.getRoutes()) {
			List<String> ids = new ArrayList<>();
			for (TourActivity a : route.getActivities()) {
				if (a instanceof TourActivity.JobActivity job) {
					ids.add(job.getJob().getId());
				}
			}
			if (!ids.isEmpty()) {
				routes.put(route.getVehicle().getId(), ids);
			}
		}
		Map<String, String> unassigned = new LinkedHashMap<>();
		best.getUnassignedJobs().forEach(j -> unassigned.put(j.getId(), reason(reasons, j.getId())));
		return new Answer(routes, unassigned, (System.nanoTime() - t0) / 1_000_000, iterations.get());
	}

	private static String reason(UnassignedJobReasonTracker reasons, String id) {
		try {
			String r = reasons.getMostLikelyReason(id);
			return r == null || r.isBlank() ? "no caregiver can fit it" : r;
		}
		catch (RuntimeException e) {
			return "no caregiver can fit it";
		}
	}

	private static VehicleType capacity(VehicleType shared, int capacity) {
		if (shared.getCapacityDimensions().get(0) == capacity) {
			return shared;
		}
		return VehicleTypeImpl.Builder.newInstance("caregiver-" + capacity)
			.addCapacityDimension(0, capacity)
			.setFixedCost(0)
			.setCostPerDistance(shared.getVehicleCostParams().perDistanceUnit)
			.setCostPerTransportTime(shared.getVehicleCostParams().perTransportTimeUnit)
			.setCostPerWaitingTime(0)
			.setCostPerServiceTime(0)
			.build();
	}

	private static double finite(double v) {
		return Double.isFinite(v) ? v : UNREACHABLE;
	}

}
