package fr.proxima.cluster;

import java.util.List;

/**
 * What one instance says about itself at {@code GET /api/admin/cluster}: its name, the
 * data version it has seen, and where its reads went since it started.
 *
 * @param instance {@code proxima.cluster.instance} (host and port when not set)
 * @param dataVersion the data version this instance's caches reflect
 * @param reads reads sent to each replica and to the primary (none when no replica is
 * configured)
 * @param precompute the latest distributed precompute run and its workers (its partitions
 * at {@code /api/admin/cluster/precompute})
 */
public record ClusterStatus(String instance, long dataVersion, Reads reads, PrecomputeProgress precompute) {

	/**
	 * @param primaryFallbacks reads meant for a replica that went to the primary (no
	 * replica up)
	 */
	public record Reads(long primaryFallbacks, List<Replica> replicas) {

		public static final Reads NONE = new Reads(0, List.of());

	}

	/** One replica: whether reads go to it, how many did, and its last error. */
	public record Replica(String url, boolean up, long reads, String lastError) {
	}

}
