package fr.proxima.routing.internal;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.Graph;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import com.graphhopper.util.EdgeIteratorState;

/**
 * A node-based Dijkstra shortest-path tree on plain arrays, for matrices: the same
 * weights, times and distances as GraphHopper's {@code ShortestPathTree}, without one
 * label object and one hash-map entry per node. One instance serves one thread and many
 * sources in turn: its arrays are sized to the graph once and invalidated by a stamp, not
 * cleared; {@link #release()} hands them to the next tree (a few are kept), so
 * single-source searches do not allocate them each time.
 */
final class ArrayTree {

	/** Array sets kept for later trees (about 30 bytes per graph node each). */
	private static final int KEPT = Runtime.getRuntime().availableProcessors() + 1;

	private static final ConcurrentLinkedDeque<Buffers> POOL = new ConcurrentLinkedDeque<>();

	private static final class Buffers {

		final double[] weight;

		final long[] ms;

		final double[] metres;

		final int[] stamp;

		final int[] settledStamp;

		int generation;

		Buffers(int nodes) {
			weight = new double[nodes];
			ms = new long[nodes];
			metres = new double[nodes];
			stamp = new int[nodes];
			settledStamp = new int[nodes];
		}

	}

	private final Buffers buffers;

	/** What a settled node reports: its time (ms) and distance (m) from the source. */
	interface Visitor {

		void settled(int node, long ms, double metres);

	}

	/**
	 * What each road leaving a settled node reports (to any neighbour, settled or not):
	 * the node's time and the road's own time in the search's direction.
	 */
	interface RoadVisitor {

		void road(EdgeIteratorState road, long fromMs, long roadMs);

	}

	private final Weighting weighting;

	private final boolean reverse;

	private final EdgeExplorer explorer;

	private final double[] weight;

	private final long[] ms;

	private final double[] metres;

	private final int[] stamp;

	private final int[] settledStamp;

	private double[] heapKeys = new double[1024];

	private int[] heapNodes = new int[1024];

	private int heapSize;

	/**
	 * @param reverse true to time the trips towards the source (edges walked backwards)
	 */
	ArrayTree(Graph graph, Weighting weighting, boolean reverse) {
		this.weighting = weighting;
		this.reverse = reverse;
		this.explorer = graph.createEdgeExplorer();
		int nodes = graph.getNodes();
		Buffers kept = POOL.pollFirst();
		this.buffers = kept != null && kept.weight.length >= nodes ? kept : new Buffers(nodes);
		this.weight = buffers.weight;
		this.ms = buffers.ms;
		this.metres = buffers.metres;
		this.stamp = buffers.stamp;
		this.settledStamp = buffers.settledStamp;
	}

	/** Hands the arrays on; this tree must not be used afterwards. */
	void release() {
		if (POOL.size() < KEPT) {
			POOL.addFirst(buffers);
		}
	}

	/**
	 * Settles the nodes reached from {@code source} within {@code limitMs}, in order of
	 * weight, reporting each to {@code visitor}.
	 */
	void search(int source, long limitMs, Visitor visitor) {
		search(source, limitMs, visitor, null);
	}

	/**
	 * Settles the nodes reached from {@code source} within {@code limitMs}, in order of
	 * weight, reporting each to {@code visitor} and, when {@code roads} is not null, each
	 * road leaving it.
	 */
	void search(int source, long limitMs, Visitor visitor, RoadVisitor roads) {
		int generation = ++buffers.generation;
		heapSize = 0;
		weight[source] = 0;
		ms[source] = 0;
		metres[source] = 0;
		stamp[source] = generation;
		push(0, source);
		while (heapSize > 0) {
			double key = heapKeys[0];
			int node = pop();
			if (settledStamp[node] == generation || key > weight[node]) {
				continue;
			}
			if (ms[node] > limitMs) {
				break;
			}
			settledStamp[node] = generation;
			visitor.settled(node, ms[node], metres[node]);
			EdgeIterator edge = explorer.setBaseNode(node);
			while (edge.next()) {
				int adj = edge.getAdjNode();
				if (roads == null && settledStamp[adj] == generation) {
					continue;
				}
				double w = weighting.calcEdgeWeight(edge, reverse);
				if (Double.isInfinite(w)) {
					continue;
				}
				if (roads != null) {
					roads.road(edge, ms[node], weighting.calcEdgeMillis(edge, reverse));
					if (settledStamp[adj] == generation) {
						continue;
					}
				}
				double candidate = weight[node] + w;
				if (stamp[adj] != generation || candidate < weight[adj]) {
					stamp[adj] = generation;
					weight[adj] = candidate;
					ms[adj] = ms[node] + weighting.calcEdgeMillis(edge, reverse);
					metres[adj] = metres[node] + edge.getDistance();
					push(candidate, adj);
				}
			}
		}
	}

	private void push(double key, int node) {
		if (heapSize == heapKeys.length) {
			heapKeys = Arrays.copyOf(heapKeys, heapSize * 2);
			heapNodes = Arrays.copyOf(heapNodes, heapSize * 2);
		}
		int i = heapSize++;
		while (i > 0) {
			int parent = (i - 1) >> 1;
			if (heapKeys[parent] <= key) {
				break;
			}
			heapKeys[i] = heapKeys[parent];
			heapNodes[i] = heapNodes[parent];
			i = parent;
		}
		heapKeys[i] = key;
		heapNodes[i] = node;
	}

	private int pop() {
		int top = heapNodes[0];
		double key = heapKeys[--heapSize];
		int node = heapNodes[heapSize];
		int i = 0;
		while (true) {
			int child = 2 * i + 1;
			if (child >= heapSize) {
				break;
			}
			if (child + 1 < heapSize && heapKeys[child + 1] < heapKeys[child]) {
				child++;
			}
			if (heapKeys[child] >= key) {
				break;
			}
			heapKeys[i] = heapKeys[child];
			heapNodes[i] = heapNodes[child];
			i = child;
		}
		heapKeys[i] = key;
		heapNodes[i] = node;
		return top;
	}

}
