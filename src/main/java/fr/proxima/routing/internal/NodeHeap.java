package fr.proxima.routing.internal;

import java.util.Arrays;

/**
 * A binary min-heap of (key, node) pairs on two plain arrays, for the Dijkstra-type
 * searches of this package; a node may be pushed again with a smaller key (the caller
 * skips the stale entries when they come out).
 */
final class NodeHeap {

	private double[] keys = new double[1024];

	private int[] nodes = new int[1024];

	private int size;

	void clear() {
		size = 0;
	}

	boolean isEmpty() {
		return size == 0;
	}

	/** The smallest key; the heap must not be empty. */
	double peekKey() {
		return keys[0];
	}

	void push(double key, int node) {
		if (size == keys.length) {
			keys = Arrays.copyOf(keys, size * 2);
			nodes = Arrays.copyOf(nodes, size * 2);
		}
		int i = size++;
		while (i > 0) {
			int parent = (i - 1) >> 1;
			if (keys[parent] <= key) {
				break;
			}
			keys[i] = keys[parent];
			nodes[i] = nodes[parent];
			i = parent;
		}
		keys[i] = key;
		nodes[i] = node;
	}

	/** Removes the entry with the smallest key and returns its node. */
	int pop() {
		int top = nodes[0];
		double key = keys[--size];
		int node = nodes[size];
		int i = 0;
		while (true) {
			int child = 2 * i + 1;
			if (child >= size) {
				break;
			}
			if (child + 1 < size && keys[child + 1] < keys[child]) {
				child++;
			}
			if (keys[child] >= key) {
				break;
			}
			keys[i] = keys[child];
			nodes[i] = nodes[child];
			i = child;
		}
		keys[i] = key;
		nodes[i] = node;
		return top;
	}

}
