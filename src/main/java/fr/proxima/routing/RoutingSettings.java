package fr.proxima.routing;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the travel-time engine ({@code proxima.routing.*}); the estimate has its
 * own {@link EstimateSettings}.
 *
 * @param osmFile the OpenStreetMap extract ({@code .osm.pbf} or {@code .osm}) to route
 * on; empty: no graph, every answer is an estimate
 * @param graphDir where the built graph is cached; rebuilt when the OSM file or the
 * profiles change
 * @param profiles the routing profiles to build; the first is the default ({@code car},
 * {@code foot})
 * @param maxSnapMetres a point farther than this from a road is not routed on the network
 * (answered by the estimate, flagged {@code too_far_from_road})
 * @param precomputeCutoffMinutes cutoff of the precomputed offer × commune times
 * @param autoRefresh recompute the offer × commune times in the background at startup and
 * after imports, when offers, communes or the graph changed
 * @param prefilterSpeedKmh the fastest speed on the network, used to prefilter candidates
 * by straight-line radius
 * @param limits request limits enforced with 4xx problem details
 */
@ConfigurationProperties("proxima.routing")
public record RoutingSettings(@DefaultValue("") String osmFile, @DefaultValue("./data/graph-cache") Path graphDir,
		@DefaultValue("car,foot") List<String> profiles, @DefaultValue("2000") double maxSnapMetres,
		@DefaultValue("60") int precomputeCutoffMinutes, @DefaultValue("true") boolean autoRefresh,
		@DefaultValue("130") double prefilterSpeedKmh, @DefaultValue Limits limits) {

	public boolean graphConfigured() {
		return osmFile != null && !osmFile.isBlank();
	}

	public String defaultProfile() {
		return profiles.get(0);
	}

	/**
	 * @param maxIsochroneMinutes longest isochrone band, coverage threshold and time
	 * cutoff
	 * @param maxBands most isochrone bands in one request
	 * @param maxMatrixCells most sources × targets in one matrix
	 * @param maxSources most sources in one coverage request
	 * @param maxNearest most offers returned by a nearest-offers request
	 * @param requestTimeoutSeconds wall-clock budget of one request; longer requests stop
	 * with a 422 problem
	 */
	public record Limits(@DefaultValue("120") int maxIsochroneMinutes, @DefaultValue("10") int maxBands,
			@DefaultValue("40000") long maxMatrixCells, @DefaultValue("200") int maxSources,
			@DefaultValue("100") int maxNearest, @DefaultValue("30") int requestTimeoutSeconds) {
	}

}
