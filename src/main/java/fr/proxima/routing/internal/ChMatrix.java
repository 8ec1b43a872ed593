package fr.proxima.routing.internal;

import java.util.Arrays;

import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.querygraph.QueryRoutingCHGraph;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.RoutingCHGraph;

/**
 * Many-to-many travel times on a prepared CH graph by the bucket algorithm: a backward
 * upward search from each destination leaves (destination, weight, time, length) in a
 * bucket at every node it settles; a forward upward search from each origin then scans
 * the buckets of the nodes it settles, and the smallest sum of weights met for a
 * destination is its shortest path (every shortest path climbs then descends the
 * hierarchy, so the two halves meet at its highest node). Times are added up from
 * {@link ChTimes}, so a cell's time is the route's. Both searches stop past the cutoff's
 * weight, the destinations go in blocks of {@link #BLOCK} to bound the buckets' memory,
 * and each phase runs on the machine's cores.
 */
final class ChMatrix {

	/** Destinations whose buckets are held at once. */
	static final int BLOCK = 2048;

	/**
	 * Weights are travel seconds summed with rounding (a thousandth per shortcut), times
	 * whole milliseconds per road: the searches go this much past the cutoff's weight and
	 * the cells are then cut on time.
	 */
	private static final double WEIGHT_SLACK = 1.01;

	/** Where a reachable cell goes. */
	interface Cells {

		void cell(int origin, int destination, long ms, double metres);

	}

	private final RoutingCHGraph ch;

	private final QueryGraph queryGraph;

	private final Weighting weighting;

	private final ChTimes times;

	private final int nodes;

	/**
	 * @param baseCh the profile's prepared CH graph
	 * @param queryGraph the base graph with every origin and destination snapped in
	 */
	ChMatrix(RoutingCHGraph baseCh, QueryGraph queryGraph, Weighting weighting, ChTimes times) {
		this.ch = new QueryRoutingCHGraph(baseCh, queryGraph);
		this.queryGraph = queryGraph;
		this.weighting = weighting;
		this.times = times;
		this.nodes = queryGraph.getNodes();
	}

	/**
	 * Reports every cell from an origin node to a destination node within
	 * {@code cutoffMs}; a node of -1 is not on the network and has no cell.
	 * @param beforeEachSearch called before each search (a deadline check may throw)
	 */
	void compute(int[] origins, int[] destinations, long cutoffMs, Runnable beforeEachSearch, Cells cells) {
		double maxWeight = cutoffMs / 1000.0 * WEIGHT_SLACK + 1;
		for (int first = 0; first < destinations.length; first += BLOCK) {
			int block = Math.min(BLOCK, destinations.length - first);
			Buckets buckets = buckets(destinations, first, block, maxWeight, beforeEachSearch);
			int offset = first;
			Workers.run(origins.length, (worker, workers) -> {
				UpwardSearch search = new UpwardSearch(ch, queryGraph, weighting, times);
				Row row = new Row(block);
				for (int o = worker; o < origins.length; o += workers) {
					if (origins[o] >= 0) {
						beforeEachSearch.run();
						row.clear();
						search.search(origins[o], false, maxWeight, buckets.scanner(row));
						row.report(o, offset, cutoffMs, cells);
					}
				}
			});
		}
	}

	/** The backward searches of one block of destinations, gathered by node. */
	private Buckets buckets(int[] destinations, int first, int block, double maxWeight, Runnable beforeEachSearch) {
		int workers = Workers.count(block);
		Entries[] found = new Entries[workers];
		Workers.run(block, (worker, count) -> {
			UpwardSearch search = new UpwardSearch(ch, queryGraph, weighting, times);
			Entries entries = new Entries();
			for (int d = worker; d < block; d += count) {
				int node = destinations[first + d];
				if (node >= 0) {
					beforeEachSearch.run();
					int destination = d;
					search.search(node, true, maxWeight,
							(settled, w, ms, metres) -> entries.add(settled, destination, w, ms, metres));
				}
			}
			found[worker] = entries;
		});
		return new Buckets(nodes, found);
	}

	/** What the backward searches of one worker settled, in the order settled. */
	private static final class Entries {

		int size;

		int[] node = new int[4096];

		int[] destination = new int[4096];

		double[] weight = new double[4096];

		long[] ms = new long[4096];

		double[] metres = new double[4096];

		void add(int n, int d, double w, long t, double m) {
			if (size == node.length) {
				int capacity = size * 2;
				node = Arrays.copyOf(node, capacity);
				destination = Arrays.copyOf(destination, capacity);
				weight = Arrays.copyOf(weight, capacity);
				ms = Arrays.copyOf(ms, capacity);
				metres = Arrays.copyOf(metres, capacity);
			}
			node[size] = n;
			destination[size] = d;
			weight[size] = w;
			ms[size] = t;
			metres[size] = m;
			size++;
		}

	}

	/**
	 * Every node's bucket: its entries are {@code start[node]} to
	 * {@code start[node + 1]}.
	 */
	private static final class Buckets {

		final int[] start;

		final int[] destination;

		final double[] weight;

		final long[] ms;

		final double[] metres;

		Buckets(int nodes, Entries[] found) {
			start = new int[nodes + 1];
			int total = 0;
			for (Entries e : found) {
				total += e.size;
				for (int i = 0; i < e.size; i++) {
					start[e.node[i] + 1]++;
				}
			}
			for (int n = 0; n < nodes; n++) {
				start[n + 1] += start[n];
			}
			destination = new int[total];
			weight = new double[total];
			ms = new long[total];
			metres = new double[total];
			int[] fill = Arrays.copyOf(start, nodes);
			for (Entries e : found) {
				for (int i = 0; i < e.size; i++) {
					int at = fill[e.node[i]]++;
					destination[at] = e.destination[i];
					weight[at] = e.weight[i];
					ms[at] = e.ms[i];
					metres[at] = e.metres[i];
				}
			}
		}

		/** Offers each node a forward search settles to the row, with its bucket. */
		UpwardSearch.Visitor scanner(Row row) {
			return (node, w, t, m) -> {
				for (int k = start[node]; k < start[node + 1]; k++) {
					row.offer(destination[k], w + weight[k], t + ms[k], m + metres[k]);
				}
			};
		}

	}

	/** The best path met so far from one origin to each destination of the block. */
	private static final class Row {

		final double[] weight;

		final long[] ms;

		final double[] metres;

		Row(int block) {
			weight = new double[block];
			ms = new long[block];
			metres = new double[block];
		}

		void clear() {
			Arrays.fill(weight, Double.POSITIVE_INFINITY);
		}

		void offer(int d, double w, long t, double m) {
			if (w < weight[d]) {
				weight[d] = w;
				ms[d] = t;
				metres[d] = m;
			}
		}

		void report(int origin, int offset, long cutoffMs, Cells cells) {
			for (int d = 0; d < weight.length; d++) {
				if (weight[d] < Double.POSITIVE_INFINITY && ms[d] <= cutoffMs) {
					cells.cell(origin, offset + d, ms[d], metres[d]);
				}
			}
		}

	}

}
