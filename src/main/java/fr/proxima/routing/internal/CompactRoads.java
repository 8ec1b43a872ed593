package fr.proxima.routing.internal;

import java.util.BitSet;

import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;

/**
 * The base graph's roads of one profile as compact arrays (compressed sparse rows), for
 * the isochrone trees: the roads at node {@code u} are the slots {@code first[u]} to
 * {@code first[u + 1] - 1}, each with its other node, its edge and its travel times (ms)
 * both ways ({@link #CLOSED} when the profile may not drive it that way); the nodes'
 * coordinates sit in two arrays and a bit per edge says whether it has pillar nodes
 * (whose geometry is then read from the graph). Reading them costs array loads instead of
 * GraphHopper's edge iterators over its paged storage. About 16 bytes per road end and 20
 * per node; built once per profile at first use, read-only afterwards (shared by
 * threads).
 */
final class CompactRoads {

	/** The time of a road end that cannot be driven in that direction. */
	static final int CLOSED = Integer.MAX_VALUE;

	final int nodes;

	/** Slots of node u: {@code first[u]} (inclusive) to {@code first[u + 1]}. */
	final int[] first;

	/** The road's other node. */
	final int[] adj;

	/** The road's edge in the base graph. */
	final int[] edge;

	/** Time from the slot's node to its other node, ms. */
	final int[] msOut;

	/** Time from the other node to the slot's node, ms. */
	final int[] msIn;

	final double[] lon;

	final double[] lat;

	private final BitSet pillared;

	private final BaseGraph graph;

	CompactRoads(BaseGraph graph, RoadTimes roads) {
		this.graph = graph;
		this.nodes = graph.getNodes();
		EdgeExplorer explorer = graph.createEdgeExplorer();
		first = new int[nodes + 1];
		for (int u = 0; u < nodes; u++) {
			EdgeIterator road = explorer.setBaseNode(u);
			int count = 0;
			while (road.next()) {
				count++;
			}
			first[u + 1] = first[u] + count;
		}
		int slots = first[nodes];
		adj = new int[slots];
		edge = new int[slots];
		msOut = new int[slots];
		msIn = new int[slots];
		lon = new double[nodes];
		lat = new double[nodes];
		pillared = new BitSet(graph.getEdges());
		NodeAccess access = graph.getNodeAccess();
		for (int u = 0; u < nodes; u++) {
			lon[u] = access.getLon(u);
			lat[u] = access.getLat(u);
			EdgeIterator road = explorer.setBaseNode(u);
			int slot = first[u];
			while (road.next()) {
				adj[slot] = road.getAdjNode();
				edge[slot] = road.getEdge();
				// RoadTimes answers Integer.MAX_VALUE (CLOSED) for a closed direction
				msOut[slot] = roads.msByKey(road.getEdgeKey());
				msIn[slot] = roads.msByKey(road.getEdgeKey() ^ 1);
				if (road.getAdjNode() >= u && !road.fetchWayGeometry(FetchMode.PILLAR_ONLY).isEmpty()) {
					pillared.set(road.getEdge());
				}
				slot++;
			}
		}
	}

	/**
	 * The geometry of a slot's road from its node to its other node (tower nodes
	 * included) when it has pillar nodes, else null.
	 */
	PointList pillaredGeometry(int slot) {
		int e = edge[slot];
		return pillared.get(e) ? graph.getEdgeIteratorState(e, adj[slot]).fetchWayGeometry(FetchMode.ALL) : null;
	}

}
