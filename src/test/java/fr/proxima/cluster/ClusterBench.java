package fr.proxima.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.junit.jupiter.api.Test;

// issue 16: requests per second of a mixed public read load through HAProxy, with two Proxima instances and with one,
// and the travel-time precompute with one instance, two distributed workers and one, from the same simulation run
// (gis/simulate-cluster.sh). Run: ./mvnw test -Dtest=ClusterBench -Dsurefire.failIfNoSpecifiedTests=false
// (benches are excluded from ./mvnw test); the figures are also appended to target/cluster-bench.txt.
// Settings: -Dbench.threads (8), -Dbench.seconds (15).
class ClusterBench {

	@Test
	void requestsPerSecondThroughTheBalancerWithTwoInstancesThenOne() throws Exception {
		int threads = Integer.getInteger("bench.threads", 8);
		Duration duration = Duration.ofSeconds(Integer.getInteger("bench.seconds", 15));
		// the bench measures steady state: the instances run with the full JIT
		System.setProperty("proxima.cluster.java-opts", "-Xmx512m");
		try (ClusterSimulation sim = ClusterSimulation.start(Duration.ofMinutes(8))) {
			long offer = ClusterSimulation.JSON
				.readTree(sim.get(sim.balancer, "/api/offers?family=ssiad&limit=1").body())
				.get("items")
				.get(0)
				.get("id")
				.asLong();
			var paths = ClusterSimulation.mixedReads(offer);
			sim.readLoad(sim.balancer, threads, Duration.ofSeconds(10), null, paths); // warm-up
			ClusterSimulation.Load two = sim.readLoad(sim.balancer, threads, duration, null, paths);
			sim.control("balance", "1");
			Thread.sleep(1000);
			ClusterSimulation.Load one = sim.readLoad(sim.balancer, threads, duration, null, paths);
			ClusterSimulation.Load direct = sim.readLoad(sim.instance1, threads, duration, null, paths);
			print("%nCluster bench (%d clients, %d s each, mixed public reads, %d cores):%n", threads,
					duration.toSeconds(), Runtime.getRuntime().availableProcessors());
			print("  through HAProxy, 2 instances: %8.1f req/s (%d ok, %d failed)%n", two.perSecond(), two.ok(),
					two.failed());
			print("  through HAProxy, 1 instance:  %8.1f req/s (%d ok, %d failed)%n", one.perSecond(), one.ok(),
					one.failed());
			print("  instance 1 directly:          %8.1f req/s (%d ok, %d failed)%n", direct.perSecond(), direct.ok(),
					direct.failed());
			print("  resident memory: instance 1 %d MB, instance 2 %d MB; road graph folder %d kB%n",
					sim.residentMegabytes(1), sim.residentMegabytes(2), sim.graphKilobytes());
			precomputeWithTwoWorkersThenOne(sim);
		}
	}

	/**
	 * The offer × commune precompute of the same store: refreshed by instance 1 alone,
	 * then as distributed partitions on both instances, then on instance 1 only (instance
	 * 2 killed), each time with the table emptied first.
	 */
	private static void precomputeWithTwoWorkersThenOne(ClusterSimulation sim) throws Exception {
		sim.clearTravelTimes();
		long t0 = System.nanoTime();
		var single = sim.adminPost(sim.instance1, "/api/admin/travel-times/refresh", Duration.ofMinutes(10));
		double singleSeconds = (System.nanoTime() - t0) / 1e9;
		long pairs = ClusterSimulation.JSON.readTree(single.body()).get("pairs").asLong();
		sim.clearTravelTimes();
		var two = sim.distributedPrecompute(sim.instance1, Duration.ofMinutes(10), null);
		sim.control("kill", "2");
		sim.clearTravelTimes();
		var one = sim.distributedPrecompute(sim.instance1, Duration.ofMinutes(10), null);
		print("%nPrecompute of the store (%d pairs, %d partitions), same run:%n", pairs,
				two.at("/run/partitions").asInt());
		print("  single-instance refresh (instance 1):        %7.1f s%n", singleSeconds);
		print("  distributed, 2 workers:                      %7.1f s  %s%n", two.at("/run/seconds").asDouble(),
				two.get("workers"));
		print("  distributed, 1 worker (instance 2 killed):   %7.1f s  %s%n", one.at("/run/seconds").asDouble(),
				one.get("workers"));
	}

	/**
	 * Prints a figure, and appends it to {@code target/cluster-bench.txt} (the forked
	 * test JVM's output can be lost on a busy machine).
	 */
	private static void print(String format, Object... args) throws IOException {
		String line = String.format(format, args);
		System.out.print(line);
		Files.writeString(Path.of("target/cluster-bench.txt"), line, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
	}

}
