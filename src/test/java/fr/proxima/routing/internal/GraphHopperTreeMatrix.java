package fr.proxima.routing.internal;

import java.util.ArrayList;
import java.util.List;

import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.index.Snap;

/**
 * The matrix method before issue 15, for the bench's baseline: one GraphHopper
 * {@link ShortestPathTree} per source, on one thread. Returns the number of reachable
 * cells.
 */
public final class GraphHopperTreeMatrix {

	private GraphHopperTreeMatrix() {
	}

	public static long reachableCells(NetworkRouter router, String profile, List<NetworkRouter.Placed> sources,
			List<NetworkRouter.Placed> targets, double cutoffSeconds) {
		List<Snap> snaps = new ArrayList<>();
		sources.forEach(p -> snaps.add(p.snap()));
		targets.forEach(p -> snaps.add(p.snap()));
		QueryGraph qg = QueryGraph.create(router.graph(), snaps);
		Weighting weighting = qg.wrapWeighting(router.weighting(profile));
		boolean[] target = new boolean[qg.getNodes()];
		targets.forEach(p -> target[p.snap().getClosestNode()] = true);
		long cutoffMs = (long) Math.ceil(cutoffSeconds * 1000);
		long reachable = 0;
		for (NetworkRouter.Placed source : sources) {
			long[] count = new long[1];
			ShortestPathTree tree = new ShortestPathTree(qg, weighting, false, TraversalMode.NODE_BASED);
			tree.setTimeLimit(cutoffMs);
			tree.search(source.snap().getClosestNode(), label -> {
				if (label.time <= cutoffMs && target[label.node]) {
					count[0]++;
				}
			});
			reachable += count[0];
		}
		return reachable;
	}

}
