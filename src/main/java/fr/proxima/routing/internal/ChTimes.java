package fr.proxima.routing.internal;

import java.util.Arrays;

import com.graphhopper.storage.Graph;
import com.graphhopper.storage.RoutingCHEdgeIteratorState;
import com.graphhopper.storage.RoutingCHGraph;

/**
 * Travel time (ms) and length of every edge of a prepared CH graph, shortcuts included,
 * and the level of every node. The CH stores a shortcut's weight only, rounded to a
 * thousandth, while a route's time is the sum of {@link Weighting#calcEdgeMillis} over
 * its unpacked roads: a shortcut's time is that sum over the two edges it skips, found
 * once (recursively, as GraphHopper's {@code ShortcutUnpacker} walks them) and kept. Road
 * times are kept per edge key (one per direction), shortcut times per direction of travel
 * (towards the higher or the lower node id). Safe to share between threads: an entry is
 * an int, written whole, and one found missing is computed again.
 */
final class ChTimes {

	private static final int UNKNOWN = -1;

	private final RoutingCHGraph ch;

	private final int baseEdges;

	/** Road times by edge key. */
	private final RoadTimes roads;

	/** Road length in millimetres by edge. */
	private final int[] roadMm;

	/** Shortcut time by (shortcut × 2 + 1 when travelled towards the lower node id). */
	private final int[] shortcutMs;

	/** Shortcut length in millimetres by shortcut. */
	private final int[] shortcutMm;

	/** The CH level of every base-graph node (read often by the upward searches). */
	private final int[] levels;

	ChTimes(RoutingCHGraph ch, RoadTimes roads) {
		this.ch = ch;
		this.roads = roads;
		Graph graph = ch.getBaseGraph();
		this.baseEdges = graph.getEdges();
		this.roadMm = new int[baseEdges];
		for (int e = 0; e < baseEdges; e++) {
			roadMm[e] = (int) Math.round(graph.getEdgeIteratorState(e, Integer.MIN_VALUE).getDistance() * 1000);
		}
		this.shortcutMs = new int[2 * ch.getShortcuts()];
		this.shortcutMm = new int[ch.getShortcuts()];
		Arrays.fill(shortcutMs, UNKNOWN);
		Arrays.fill(shortcutMm, UNKNOWN);
		this.levels = new int[ch.getNodes()];
		for (int n = 0; n < levels.length; n++) {
			levels[n] = ch.getLevel(n);
		}
	}

	/** The CH level of a base-graph node. */
	int level(int node) {
		return levels[node];
	}

	/** Time of a base-graph road travelled in the direction of its edge key. */
	int roadMs(int edgeKey) {
		return roads.msByKey(edgeKey);
	}

	double roadMetres(int edge) {
		return roadMm[edge] / 1000.0;
	}

	/**
	 * Time of a shortcut of the base CH graph travelled from {@code from} to {@code to}.
	 */
	int shortcutMs(int chEdge, int from, int to) {
		int k = chEdge - baseEdges;
		int slot = 2 * k + (from < to ? 0 : 1);
		if (shortcutMs[slot] == UNKNOWN || shortcutMm[k] == UNKNOWN) {
			unpack(chEdge, from, to);
		}
		return shortcutMs[slot];
	}

	/** Length of a shortcut of the base CH graph. */
	double shortcutMetres(int chEdge, int from, int to) {
		int k = chEdge - baseEdges;
		if (shortcutMm[k] == UNKNOWN) {
			unpack(chEdge, from, to);
		}
		return shortcutMm[k] / 1000.0;
	}

	/**
	 * The shortcut from {@code from} to {@code to} skips two edges meeting at a node of
	 * lower level: finds them (either may be the first one stored) and adds them up.
	 */
	private void unpack(int chEdge, int from, int to) {
		RoutingCHEdgeIteratorState shortcut = ch.getEdgeIteratorState(chEdge, to);
		int skipped1 = shortcut.getSkippedEdge1();
		int skipped2 = shortcut.getSkippedEdge2();
		RoutingCHEdgeIteratorState last = ch.getEdgeIteratorState(skipped2, to);
		RoutingCHEdgeIteratorState first;
		if (last == null) {
			last = ch.getEdgeIteratorState(skipped1, to);
			first = ch.getEdgeIteratorState(skipped2, last.getBaseNode());
		}
		else {
			first = ch.getEdgeIteratorState(skipped1, last.getBaseNode());
		}
		int via = last.getBaseNode();
		long ms = (long) ms(first, from, via) + ms(last, via, to);
		long mm = Math.round((metres(first, from, via) + metres(last, via, to)) * 1000);
		int k = chEdge - baseEdges;
		shortcutMm[k] = (int) Math.min(Integer.MAX_VALUE, mm);
		shortcutMs[2 * k + (from < to ? 0 : 1)] = (int) Math.min(Integer.MAX_VALUE, ms);
	}

	/** Time along an edge of the base CH graph whose base node is {@code from}. */
	private int ms(RoutingCHEdgeIteratorState edge, int from, int to) {
		return edge.isShortcut() ? shortcutMs(edge.getEdge(), from, to) : roadMs(edge.getOrigEdgeKeyFirst());
	}

	private double metres(RoutingCHEdgeIteratorState edge, int from, int to) {
		return edge.isShortcut() ? shortcutMetres(edge.getEdge(), from, to) : roadMetres(edge.getOrigEdge());
	}

}
