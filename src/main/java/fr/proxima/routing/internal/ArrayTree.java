package fr.proxima.routing.internal;

import java.util.concurrent.ConcurrentLinkedDeque;

import com.graphhopper.storage.Graph;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;

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

	private final RoadTimes roads;

	private final boolean reverse;

	private final EdgeExplorer explorer;

	private final double[] weight;

	private final long[] ms;

	private final double[] metres;

	private final int[] stamp;

	private final int[] settledStamp;

	private final NodeHeap heap = new NodeHeap();

	/**
	 * @param reverse true to time the trips towards the source (edges walked backwards)
	 */
	ArrayTree(Graph graph, RoadTimes roads, boolean reverse) {
		this.roads = roads;
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

	/**
	 * The time of a node settled by the last search, -1 when it settled none there.
	 */
	long settledMs(int node) {
		return settledStamp[node] == buffers.generation ? ms[node] : -1;
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
		int generation = ++buffers.generation;
		heap.clear();
		weight[source] = 0;
		ms[source] = 0;
		metres[source] = 0;
		stamp[source] = generation;
		heap.push(0, source);
		while (!heap.isEmpty()) {
			double key = heap.peekKey();
			int node = heap.pop();
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
				if (settledStamp[adj] == generation) {
					continue;
				}
				double w = roads.weight(edge, reverse);
				if (Double.isInfinite(w)) {
					continue;
				}
				double candidate = weight[node] + w;
				if (stamp[adj] != generation || candidate < weight[adj]) {
					stamp[adj] = generation;
					weight[adj] = candidate;
					ms[adj] = ms[node] + roads.ms(edge, reverse);
					metres[adj] = metres[node] + edge.getDistance();
					heap.push(candidate, adj);
				}
			}
		}
	}

}
