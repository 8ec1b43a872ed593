package fr.proxima.routing;

import java.nio.file.Path;
import java.util.List;

import fr.proxima.routing.internal.GraphHopperGraph;
import fr.proxima.routing.internal.NetworkRouter;
import fr.proxima.support.SharedData;

/**
 * The real Andorra road graph for tests, built once into
 * {@code target/graph-cache-andorra} and shared by every test class of the JVM (Spring
 * test contexts pointed at {@link #GRAPH_DIR} load the same cache).
 */
public final class AndorraGraph {

	public static final String GRAPH_DIR = "target/graph-cache-andorra";

	private static TravelTimeEngine engine;

	private static GraphHopperGraph graph;

	private AndorraGraph() {
	}

	public static Path osmFile() {
		return SharedData.file("04_osm/andorra.osm.pbf");
	}

	public static RoutingSettings settings() {
		return new RoutingSettings(osmFile().toString(), Path.of(GRAPH_DIR), List.of("car", "foot"), 2000, 60, false,
				130, new RoutingSettings.Limits(120, 10, 1_000_000, 200, 100, 30));
	}

	public static EstimateSettings estimate() {
		return new EstimateSettings(1.4, 35, 5, 60);
	}

	/**
	 * The engine on the Andorra graph (never closed: it lives as long as the test JVM).
	 */
	public static synchronized TravelTimeEngine engine() {
		if (engine == null) {
			RoutingSettings settings = settings();
			graph = new GraphHopperGraph(settings);
			engine = new TravelTimeEngine(graph, settings, estimate());
		}
		return engine;
	}

	/** The router under {@link #engine()}, for comparisons with its internal methods. */
	public static synchronized NetworkRouter router() {
		engine();
		return graph.router();
	}

}
