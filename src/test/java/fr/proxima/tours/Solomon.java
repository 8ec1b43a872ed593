package fr.proxima.tours;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.proxima.support.SharedData;
import fr.proxima.tours.internal.VrpSolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Solomon VRPTW instance read from {@code ../shared/data/07_vrptw_solomon} (never
 * copied into the repository), cut to its first {@code customers} customers, with the
 * published conventions: Euclidean distances truncated to one decimal, travel time equal
 * to distance, hard windows on the start of service, the file's fleet and capacity.
 */
record Solomon(String name, int vehicles, int capacity, double[][] distance, List<double[]> nodes) {

	/** Proven optimal distances (README of the data folder). */
	static final Map<String, double[]> OPTIMA = Map.of("C101", new double[] { 191.3, 362.4, 827.3 }, "R101",
			new double[] { 617.1, 1044.0, 1637.7 }, "RC101", new double[] { 461.1, 944.0, 1619.8 });

	static double optimum(String name, int customers) {
		return OPTIMA.get(name)[customers == 25 ? 0 : customers == 50 ? 1 : 2];
	}

	static Solomon read(String name, int customers) throws IOException {
		List<String> lines = Files.readAllLines(SharedData.file("07_vrptw_solomon/" + name + ".txt"));
		String[] fleet = lines.get(4).trim().split("\\s+");
		List<double[]> nodes = new ArrayList<>();
		for (String line : lines.subList(9, lines.size())) {
			String[] f = line.trim().split("\\s+");
			if (f.length == 7 && nodes.size() <= customers) {
				double[] v = new double[7];
				for (int i = 0; i < 7; i++) {
					v[i] = Double.parseDouble(f[i]);
				}
				nodes.add(v);
			}
		}
		assertThat(nodes).hasSize(customers + 1);
		int n = nodes.size();
		double[][] d = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				double e = Math.hypot(nodes.get(i)[1] - nodes.get(j)[1], nodes.get(i)[2] - nodes.get(j)[2]);
				d[i][j] = Math.floor(10 * e) / 10;
			}
		}
		return new Solomon(name, Integer.parseInt(fleet[0]), Integer.parseInt(fleet[1]), d, nodes);
	}

	VrpSolver.Answer solve(VrpSolver.Budget budget) {
		double horizon = nodes.get(0)[5];
		List<VrpSolver.Crew> crews = new ArrayList<>();
		for (int v = 0; v < vehicles; v++) {
			crews.add(new VrpSolver.Crew("v" + v, 0, 0, 0, horizon, capacity));
		}
		List<VrpSolver.Job> jobs = new ArrayList<>();
		for (int i = 1; i < nodes.size(); i++) {
			double[] c = nodes.get(i);
			jobs.add(new VrpSolver.Job(String.valueOf(i), i, c[4], c[5], c[6], (int) c[3]));
		}
		return VrpSolver.solve(distance, distance, crews, jobs, VrpSolver.Cost.DISTANCE, budget);
	}

	/**
	 * The total distance of an answer, after checking it serves every customer once,
	 * within its window, within capacity and back before the depot closes.
	 */
	double checkedDistance(VrpSolver.Answer answer) {
		assertThat(answer.unassigned()).as(name + " unassigned").isEmpty();
		assertThat(answer.routes().size()).isLessThanOrEqualTo(vehicles);
		double total = 0;
		int served = 0;
		for (List<String> route : answer.routes().values()) {
			int at = 0;
			double clock = 0;
			int load = 0;
			for (String id : route) {
				int next = Integer.parseInt(id);
				double[] c = nodes.get(next);
				total += distance[at][next];
				clock = Math.max(clock + distance[at][next], c[4]);
				assertThat(clock).as("%s customer %d starts within its window", name, next).isLessThanOrEqualTo(c[5]);
				clock += c[6];
				load += (int) c[3];
				at = next;
				served++;
			}
			total += distance[at][0];
			assertThat(clock + distance[at][0]).isLessThanOrEqualTo(nodes.get(0)[5]);
			assertThat(load).isLessThanOrEqualTo(capacity);
		}
		assertThat(served).isEqualTo(nodes.size() - 1);
		return Math.round(total * 10) / 10.0;
	}

}
