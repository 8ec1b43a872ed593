package fr.proxima.cluster;

import java.util.List;

import fr.proxima.cluster.internal.DataVersion;
import fr.proxima.cluster.internal.InstanceName;
import fr.proxima.cluster.internal.PrecomputeJobs;
import fr.proxima.cluster.internal.ReadRouting;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/cluster}: this instance, its data version, where its reads go and
 * the distributed precompute; {@code /api/admin/cluster/precompute}: that precompute's
 * runs.
 */
@RestController
class ClusterController {

	private final DataVersion version;

	private final ObjectProvider<ReadRouting> routing;

	private final PrecomputeJobs jobs;

	private final String instance;

	ClusterController(DataVersion version, ObjectProvider<ReadRouting> routing, PrecomputeJobs jobs,
			InstanceName name) {
		this.version = version;
		this.routing = routing;
		this.jobs = jobs;
		this.instance = name.get();
	}

	@Operation(summary = "This instance: its name, the data version its caches reflect, where its reads went, and the"
			+ " distributed precompute (partitions done / total, per worker)")
	@GetMapping("/api/admin/cluster")
	ClusterStatus status() {
		ReadRouting r = routing.getIfAvailable();
		PrecomputeProgress p = jobs.progress();
		return new ClusterStatus(instance, version.seen(), r == null ? ClusterStatus.Reads.NONE : r.status(),
				new PrecomputeProgress(p.distributed(), p.run(), p.workers(), List.of()));
	}

	@Operation(summary = "The latest distributed precompute run: partitions done / total, per worker, each partition")
	@GetMapping("/api/admin/cluster/precompute")
	PrecomputeProgress precompute() {
		return jobs.progress();
	}

	@Operation(summary = "Plans a distributed precompute run (one job per département) that every worker instance"
			+ " computes; while one runs, asks it to plan another once it is published")
	@PostMapping("/api/admin/cluster/precompute")
	@ResponseStatus(HttpStatus.ACCEPTED)
	PrecomputeProgress startPrecompute() {
		return jobs.startRun("admin endpoint on " + instance);
	}

}
