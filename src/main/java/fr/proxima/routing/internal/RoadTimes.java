package fr.proxima.routing.internal;

import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.Graph;
import com.graphhopper.util.EdgeIteratorState;

/**
 * The weight and travel time (ms) of every road of the base graph in both directions,
 * evaluated once from the profile's weighting (a custom model read through encoded values
 * at each call) and kept by edge key (edge × 2 + 1 when travelled from its second node).
 * The roads a query graph adds at its snapped points are evaluated by the weighting as
 * before. Read-only once built: safe to share between threads.
 */
final class RoadTimes {

	private final Weighting weighting;

	private final int baseEdges;

	private final double[] weight;

	private final int[] ms;

	RoadTimes(Graph graph, Weighting weighting) {
		this.weighting = weighting;
		this.baseEdges = graph.getEdges();
		this.weight = new double[2 * baseEdges];
		this.ms = new int[2 * baseEdges];
		for (int e = 0; e < baseEdges; e++) {
			EdgeIteratorState road = graph.getEdgeIteratorState(e, Integer.MIN_VALUE);
			for (int direction = 0; direction < 2; direction++) {
				boolean reverse = direction == 1;
				weight[2 * e + direction] = weighting.calcEdgeWeight(road, reverse);
				ms[2 * e + direction] = Double.isInfinite(weight[2 * e + direction]) ? Integer.MAX_VALUE
						: (int) Math.min(Integer.MAX_VALUE, weighting.calcEdgeMillis(road, reverse));
			}
		}
	}

	/** Time of a base-graph road travelled in the direction of its edge key. */
	int msByKey(int edgeKey) {
		return ms[edgeKey];
	}

	/**
	 * Weight of a road travelled from its base node ({@code reverse}: towards it),
	 * infinite when closed that way.
	 */
	double weight(EdgeIteratorState road, boolean reverse) {
		return road.getEdge() < baseEdges ? weight[key(road, reverse)] : weighting.calcEdgeWeight(road, reverse);
	}

	/** Time of a road travelled from its base node ({@code reverse}: towards it). */
	long ms(EdgeIteratorState road, boolean reverse) {
		return road.getEdge() < baseEdges ? ms[key(road, reverse)] : weighting.calcEdgeMillis(road, reverse);
	}

	private static int key(EdgeIteratorState road, boolean reverse) {
		return reverse ? road.getEdgeKey() ^ 1 : road.getEdgeKey();
	}

}
