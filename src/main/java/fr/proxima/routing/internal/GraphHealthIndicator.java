package fr.proxima.routing.internal;

import java.nio.file.Path;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Actuator health of the road graph ({@code /actuator/health/roadGraph}). UP without a
 * graph too: the product then answers with estimates, which the details say.
 */
@Component("roadGraph")
class GraphHealthIndicator implements HealthIndicator {

	private final GraphHopperGraph graph;

	GraphHealthIndicator(GraphHopperGraph graph) {
		this.graph = graph;
	}

	@Override
	public Health health() {
		GraphHopperGraph.GraphStatus s = graph.status();
		if (!s.loaded()) {
			return Health.up()
				.withDetail("mode", "estimate")
				.withDetail("reason", "no road graph configured (proxima.routing.osm-file is empty)")
				.build();
		}
		return Health.up()
			.withDetail("mode", "network")
			.withDetail("osmFile", Path.of(s.osmFile()).getFileName().toString()) // the
																					// name
																					// only:
																					// health
																					// is
																					// public
			.withDetail("nodes", s.nodes())
			.withDetail("edges", s.edges())
			.withDetail("profiles", s.profiles())
			.withDetail("loadMillis", s.loadMillis())
			.withDetail("fingerprint", graph.fingerprint())
			.build();
	}

}
