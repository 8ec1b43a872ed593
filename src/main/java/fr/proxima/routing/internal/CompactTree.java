package fr.proxima.routing.internal;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A bounded Dijkstra on {@link CompactRoads}, keyed by travel time in whole milliseconds:
 * one {@code long} per heap entry (time in the high half, node in the low half) in a
 * binary heap on one array, the times and marks in int arrays sized to the graph and
 * invalidated by a generation number instead of being cleared. It may start from several
 * nodes at given times (the two ends of the road a snapped point lies on). The arrays are
 * handed to the next tree when this one is {@linkplain #release() released} (a few are
 * kept). One instance serves one thread.
 */
final class CompactTree {

	private static final int KEPT = Runtime.getRuntime().availableProcessors() + 1;

	private static final ConcurrentLinkedDeque<int[][]> POOL = new ConcurrentLinkedDeque<>();

	private final CompactRoads roads;

	private final int[] slotMs;

	/** Time of a labelled node; its settled time once settled. */
	private final int[] ms;

	/** {@code 2 × generation} when labelled, {@code 2 × generation + 1} when settled. */
	private final int[] mark;

	private final int generation;

	/** {ms, mark, {generation}}: what the pool keeps. */
	private final int[][] buffers;

	private long[] heap = new long[1024];

	private int size;

	/** The settled nodes in the order settled. */
	int[] settled = new int[4096];

	int settledCount;

	/**
	 * @param reverse true to time the trips towards the seeds (roads driven towards their
	 * slot's node)
	 */
	CompactTree(CompactRoads roads, boolean reverse) {
		this.roads = roads;
		this.slotMs = reverse ? roads.msIn : roads.msOut;
		int[][] kept = POOL.pollFirst();
		if (kept == null || kept[0].length < roads.nodes) {
			kept = new int[][] { new int[roads.nodes], new int[roads.nodes], { 0 } };
		}
		if (kept[2][0] >= Integer.MAX_VALUE / 2 - 1) {
			Arrays.fill(kept[1], 0);
			kept[2][0] = 0;
		}
		ms = kept[0];
		mark = kept[1];
		generation = ++kept[2][0];
		buffers = kept;
	}

	/** Starts the tree at {@code node} at {@code startMs} (the earliest wins). */
	void seed(int node, int startMs) {
		label(node, startMs);
	}

	/** Settles every node reached within {@code limitMs}, in order of time. */
	void grow(int limitMs) {
		int labelled = 2 * generation;
		int done = labelled + 1;
		int[] first = roads.first;
		int[] adj = roads.adj;
		while (size > 0) {
			long top = pop();
			int t = (int) (top >>> 32);
			int node = (int) top;
			if (mark[node] == done) {
				continue;
			}
			if (t > limitMs) {
				break;
			}
			mark[node] = done;
			if (settledCount == settled.length) {
				settled = Arrays.copyOf(settled, settledCount * 2);
			}
			settled[settledCount++] = node;
			for (int s = first[node], end = first[node + 1]; s < end; s++) {
				int cost = slotMs[s];
				int v = adj[s];
				if (cost == CompactRoads.CLOSED || mark[v] == done) {
					continue;
				}
				int candidate = t + cost;
				if (mark[v] != labelled || candidate < ms[v]) {
					mark[v] = labelled;
					ms[v] = candidate;
					push(((long) candidate << 32) | v);
				}
			}
		}
	}

	/** The settled time of a node, -1 when this tree did not settle it. */
	int settledMs(int node) {
		return mark[node] == 2 * generation + 1 ? ms[node] : -1;
	}

	/** Hands the arrays on; this tree must not be used afterwards. */
	void release() {
		if (POOL.size() < KEPT) {
			POOL.addFirst(buffers);
		}
	}

	private void label(int node, int t) {
		if (mark[node] != 2 * generation || t < ms[node]) {
			mark[node] = 2 * generation;
			ms[node] = t;
			push(((long) t << 32) | node);
		}
	}

	private void push(long entry) {
		if (size == heap.length) {
			heap = Arrays.copyOf(heap, size * 2);
		}
		int i = size++;
		while (i > 0) {
			int parent = (i - 1) >> 1;
			if (heap[parent] <= entry) {
				break;
			}
			heap[i] = heap[parent];
			i = parent;
		}
		heap[i] = entry;
	}

	private long pop() {
		long top = heap[0];
		long last = heap[--size];
		int i = 0;
		int half = size >> 1;
		while (i < half) {
			int child = 2 * i + 1;
			if (child + 1 < size && heap[child + 1] < heap[child]) {
				child++;
			}
			if (heap[child] >= last) {
				break;
			}
			heap[i] = heap[child];
			i = child;
		}
		heap[i] = last;
		return top;
	}

}
