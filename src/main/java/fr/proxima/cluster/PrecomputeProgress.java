package fr.proxima.cluster;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A distributed precompute run seen from any instance
 * ({@code GET /api/admin/cluster/precompute}): partitions done out of the total, per
 * worker, and each partition.
 *
 * @param distributed whether this instance is a worker
 * ({@code proxima.precompute.distributed})
 * @param run the latest distributed run, or null when none was ever planned
 * @param workers per worker: partitions done, partitions running now, pairs written
 * @param partitions every partition of the run, by département
 */
public record PrecomputeProgress(boolean distributed, Run run, List<Worker> workers, List<Partition> partitions) {

	/**
	 * @param state running, publishing, published or failed
	 * @param travelTimeRun the {@code travel_time_run} recorded at publication
	 * @param seconds from planning to publication (or to now while it runs)
	 */
	public record Run(long id, String state, int partitions, int done, int running, int failed, int offers,
			boolean rerunRequested, Long travelTimeRun, OffsetDateTime startedAt, OffsetDateTime finishedAt,
			double seconds) {

	}

	public record Worker(String worker, int done, int running, long pairs) {
	}

	/**
	 * @param targetDepartements départements whose communes a bounded tree from one of
	 * its offers can reach (its own first)
	 * @param attempts how many times a worker started it (more than one after a worker
	 * died or failed)
	 */
	public record Partition(String departement, int offers, List<String> targetDepartements, int targetCommunes,
			String state, String worker, int attempts, Integer pairs, Double seconds, String lastError) {

	}

}
