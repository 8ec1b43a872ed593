package fr.proxima.routing.internal;

import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.RoutingCHEdgeExplorer;
import com.graphhopper.storage.RoutingCHEdgeIterator;
import com.graphhopper.storage.RoutingCHGraph;
import com.graphhopper.util.EdgeIteratorState;

/**
 * A Dijkstra search on a prepared CH graph that only climbs: from a node it follows the
 * edges and shortcuts towards nodes of higher level (and every edge of the snapped query
 * points, as GraphHopper's CH routing does), forwards or backwards, with stall-on-demand
 * (a node provably reached by a shorter path through a higher node is not expanded). Each
 * node it settles is reported with its weight and with the time and length of the path
 * there, added up from {@link ChTimes} so that they equal a route's. One instance serves
 * one thread and many searches; its arrays are invalidated by a stamp, not cleared.
 */
final class UpwardSearch {

	/** What a settled (not stalled) node reports. */
	interface Visitor {

		void settled(int node, double weight, long ms, double metres);

	}

	/**
	 * Allowance when comparing weights made of rounded shortcut weights (GraphHopper's).
	 */
	private static final double STALL_PRECISION = 0.001;

	private final QueryGraph queryGraph;

	private final Weighting weighting;

	private final ChTimes times;

	private final RoutingCHEdgeExplorer out;

	private final RoutingCHEdgeExplorer in;

	/** Nodes and edges of the base graph: the ones above are the query's virtual ones. */
	private final int baseNodes;

	private final int baseEdges;

	private final double[] weight;

	private final long[] ms;

	private final double[] metres;

	private final int[] stamp;

	private final int[] settledStamp;

	private final NodeHeap heap = new NodeHeap();

	private int generation;

	/**
	 * @param ch the CH graph over {@code queryGraph}
	 * @param weighting the profile's weighting, for the times of the query's virtual
	 * edges
	 */
	UpwardSearch(RoutingCHGraph ch, QueryGraph queryGraph, Weighting weighting, ChTimes times) {
		this.queryGraph = queryGraph;
		this.weighting = weighting;
		this.times = times;
		this.out = ch.createOutEdgeExplorer();
		this.in = ch.createInEdgeExplorer();
		this.baseNodes = queryGraph.getBaseGraph().getNodes();
		this.baseEdges = queryGraph.getBaseGraph().getEdges();
		int nodes = queryGraph.getNodes();
		weight = new double[nodes];
		ms = new long[nodes];
		metres = new double[nodes];
		stamp = new int[nodes];
		settledStamp = new int[nodes];
	}

	/**
	 * Settles the nodes reachable upwards from {@code start} (towards it when
	 * {@code backward}) with a weight up to {@code maxWeight}.
	 */
	void search(int start, boolean backward, double maxWeight, Visitor visitor) {
		int g = ++generation;
		heap.clear();
		weight[start] = 0;
		ms[start] = 0;
		metres[start] = 0;
		stamp[start] = g;
		heap.push(0, start);
		RoutingCHEdgeExplorer explorer = backward ? in : out;
		while (!heap.isEmpty()) {
			double key = heap.peekKey();
			int node = heap.pop();
			if (settledStamp[node] == g || key > weight[node]) {
				continue;
			}
			if (key > maxWeight) {
				break;
			}
			settledStamp[node] = g;
			if (stalled(node, backward, g)) {
				continue;
			}
			visitor.settled(node, weight[node], ms[node], metres[node]);
			RoutingCHEdgeIterator edge = explorer.setBaseNode(node);
			while (edge.next()) {
				int adj = edge.getAdjNode();
				if (settledStamp[adj] == g || !upwards(node, adj)) {
					continue;
				}
				double w = edge.getWeight(backward);
				if (Double.isInfinite(w)) {
					continue;
				}
				double candidate = weight[node] + w;
				if (stamp[adj] != g || candidate < weight[adj]) {
					stamp[adj] = g;
					weight[adj] = candidate;
					addEdge(edge, node, adj, backward);
					heap.push(candidate, adj);
				}
			}
		}
	}

	/**
	 * Whether a neighbour already reached proves a shorter way to {@code node} than the
	 * one it was settled with (then no shortest up-path passes through it).
	 */
	private boolean stalled(int node, boolean backward, int g) {
		RoutingCHEdgeIterator edge = (backward ? out : in).setBaseNode(node);
		while (edge.next()) {
			int adj = edge.getAdjNode();
			if (stamp[adj] == g && weight[adj] + edge.getWeight(!backward) - weight[node] < -STALL_PRECISION) {
				return true;
			}
		}
		return false;
	}

	private boolean upwards(int node, int adj) {
		return node >= baseNodes || adj >= baseNodes || times.level(node) <= times.level(adj);
	}

	/**
	 * The time and length at {@code adj} through {@code edge} from {@code node}:
	 * travelled from node to adj forwards, from adj to node backwards.
	 */
	private void addEdge(RoutingCHEdgeIterator edge, int node, int adj, boolean backward) {
		int from = backward ? adj : node;
		int to = backward ? node : adj;
		if (edge.isShortcut()) {
			ms[adj] = ms[node] + times.shortcutMs(edge.getEdge(), from, to);
			metres[adj] = metres[node] + times.shortcutMetres(edge.getEdge(), from, to);
			return;
		}
		int road = edge.getOrigEdge();
		if (road < baseEdges) {
			int key = edge.getOrigEdgeKeyFirst();
			ms[adj] = ms[node] + times.roadMs(backward ? key ^ 1 : key);
			metres[adj] = metres[node] + times.roadMetres(road);
			return;
		}
		EdgeIteratorState virtual = queryGraph.getEdgeIteratorState(road, to);
		ms[adj] = ms[node] + weighting.calcEdgeMillis(virtual, false);
		metres[adj] = metres[node] + virtual.getDistance();
	}

}
