package fr.proxima.routing.internal;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.IntConsumer;

/**
 * A bounded Dijkstra on {@link CompactRoads}, keyed by travel time in whole milliseconds:
 * one {@code long} per heap entry (time in the high half, node in the low half) in a
 * 4-ary heap on one array, the times and marks in one int array sized to the graph and
 * invalidated by a generation number instead of being cleared. It may start from several
 * nodes at given times (the two ends of the road a snapped point lies on). The arrays are
 * handed to the next tree when this one is {@linkplain #release() released} (a few are
 * kept). One instance serves one thread.
 */
final class CompactTree {

	private static final int KEPT = Runtime.getRuntime().availableProcessors() + 1;

	private static final ConcurrentLinkedDeque<Buffers> POOL = new ConcurrentLinkedDeque<>();

	/** What a released tree hands on: its arrays, grown to what its searches needed. */
	private static final class Buffers {

		final int[] state;

		long[] heap = new long[1024];

		int[] settled = new int[4096];

		int generation;

		Buffers(int nodes) {
			state = new int[2 * nodes];
		}

	}

	private final CompactRoads roads;

	private final int[] slotMs;

	/**
	 * Per node v, side by side (one cache line for both): {@code [2v]} its mark,
	 * {@code 2 × generation} when labelled and {@code 2 × generation + 1} when settled;
	 * {@code [2v + 1]} its time (ms) once labelled, final once settled.
	 */
	private final int[] state;

	private final int generation;

	private final Buffers buffers;

	private long[] heap;

	private int size;

	/** The settled nodes in the order settled. */
	int[] settled;

	int settledCount;

	/**
	 * @param reverse true to time the trips towards the seeds (roads driven towards their
	 * slot's node)
	 */
	CompactTree(CompactRoads roads, boolean reverse) {
		this.roads = roads;
		this.slotMs = reverse ? roads.msIn : roads.msOut;
		Buffers kept = POOL.pollFirst();
		if (kept == null || kept.state.length < 2 * roads.nodes) {
			kept = new Buffers(roads.nodes);
		}
		if (kept.generation >= Integer.MAX_VALUE / 2 - 1) {
			Arrays.fill(kept.state, 0);
			kept.generation = 0;
		}
		buffers = kept;
		state = kept.state;
		generation = ++kept.generation;
		heap = kept.heap;
		settled = kept.settled;
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
			if (state[2 * node] == done) {
				continue;
			}
			if (t > limitMs) {
				push(top); // kept with the front
				break;
			}
			state[2 * node] = done;
			if (settledCount == settled.length) {
				settled = Arrays.copyOf(settled, settledCount * 2);
			}
			settled[settledCount++] = node;
			for (int s = first[node], end = first[node + 1]; s < end; s++) {
				int cost = slotMs[s];
				int v = adj[s];
				if (cost == CompactRoads.CLOSED) {
					continue;
				}
				int mark = state[2 * v];
				int candidate = t + cost;
				if (mark != done && (mark != labelled || candidate < state[2 * v + 1])) {
					state[2 * v] = labelled;
					state[2 * v + 1] = candidate;
					push(((long) candidate << 32) | v);
				}
			}
		}
	}

	/**
	 * Calls {@code visitor} with each node labelled but not settled when the tree stopped
	 * (its front; some more than once).
	 */
	void forEachFrontNode(IntConsumer visitor) {
		int labelled = 2 * generation;
		for (int k = 0; k < size; k++) {
			int node = (int) heap[k];
			if (state[2 * node] == labelled) {
				visitor.accept(node);
			}
		}
	}

	/** The settled time of a node, -1 when this tree did not settle it. */
	int settledMs(int node) {
		return state[2 * node] == 2 * generation + 1 ? state[2 * node + 1] : -1;
	}

	/** Hands the arrays on; this tree must not be used afterwards. */
	void release() {
		buffers.heap = heap;
		buffers.settled = settled;
		if (POOL.size() < KEPT) {
			POOL.addFirst(buffers);
		}
	}

	private void label(int node, int t) {
		if (state[2 * node] != 2 * generation || t < state[2 * node + 1]) {
			state[2 * node] = 2 * generation;
			state[2 * node + 1] = t;
			push(((long) t << 32) | node);
		}
	}

	// a 4-ary heap: half the levels of a binary one, and the four children of a
	// node share a cache line

	private void push(long entry) {
		if (size == heap.length) {
			heap = Arrays.copyOf(heap, size * 2);
		}
		int i = size++;
		while (i > 0) {
			int parent = (i - 1) >> 2;
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
		while (true) {
			int child = 4 * i + 1;
			if (child >= size) {
				break;
			}
			int end = Math.min(child + 4, size);
			int least = child;
			for (int c = child + 1; c < end; c++) {
				if (heap[c] < heap[least]) {
					least = c;
				}
			}
			if (heap[least] >= last) {
				break;
			}
			heap[i] = heap[least];
			i = least;
		}
		heap[i] = last;
		return top;
	}

}
