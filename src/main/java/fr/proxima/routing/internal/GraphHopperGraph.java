package fr.proxima.routing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.CHProfile;
import com.graphhopper.config.Profile;
import com.graphhopper.json.Statement;
import com.graphhopper.util.Constants;
import com.graphhopper.util.CustomModel;
import fr.proxima.routing.RoutingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The embedded GraphHopper graph: built from {@code proxima.routing.osm-file} once,
 * cached in {@code proxima.routing.graph-dir}, rebuilt when the OSM file (size,
 * modification time) or the profiles change; the car profile is prepared with contraction
 * hierarchies at build and its preparation is cached too. With no OSM file configured
 * there is no graph and {@link #router()} is null: every answer comes from the estimate.
 */
@Component
public class GraphHopperGraph implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(GraphHopperGraph.class);

	static final String FINGERPRINT_FILE = "proxima-graph.fingerprint";

	/**
	 * The OSM tags each profile needs; a car/foot custom model reads only access and
	 * average speed.
	 */
	private static final String ENCODED_VALUES = "car_access, car_average_speed, road_access, road_class, "
			+ "foot_access, foot_average_speed";

	private static final Map<String, String> PROFILE_VEHICLES = Map.of("car", "car", "foot", "foot");

	/**
	 * The profiles prepared with contraction hierarchies at graph build (stored in the
	 * graph cache): routes on them take a bidirectional CH search instead of A*.
	 */
	static final List<String> CH_PROFILES = List.of("car");

	private final RoutingSettings settings;

	private final GraphHopper hopper;

	private final NetworkRouter router;

	private final String fingerprint;

	private final long loadMillis;

	/** Loads (or builds) the graph on the calling thread. */
	public GraphHopperGraph(RoutingSettings settings) {
		this(settings, load(settings));
	}

	/**
	 * The application's graph: the one {@link GraphPreload} started loading before the
	 * context made its beans, waited for here (its failure fails this bean, hence the
	 * start).
	 */
	@Autowired
	GraphHopperGraph(RoutingSettings settings, GraphPreload preload) {
		this(settings, preload.take());
	}

	private GraphHopperGraph(RoutingSettings settings, Loaded loaded) {
		this.settings = settings;
		this.hopper = loaded.hopper();
		this.router = loaded.router();
		this.fingerprint = loaded.fingerprint();
		this.loadMillis = loaded.loadMillis();
	}

	/**
	 * A loaded graph, or none (every field null, 0 ms) when no OSM file is configured.
	 */
	record Loaded(GraphHopper hopper, NetworkRouter router, String fingerprint, long loadMillis) {
	}

	static Loaded load(RoutingSettings settings) {
		if (!settings.graphConfigured()) {
			log.info("No road graph configured (proxima.routing.osm-file is empty): travel times are estimates");
			return new Loaded(null, null, null, 0);
		}
		long start = System.nanoTime();
		Path osm = Path.of(settings.osmFile()).toAbsolutePath();
		if (!Files.isRegularFile(osm)) {
			throw new IllegalStateException("proxima.routing.osm-file " + osm + " does not exist");
		}
		String source = describeSource(osm, settings.profiles());
		Path dir = settings.graphDir().toAbsolutePath();
		Path fingerprintFile = dir.resolve(FINGERPRINT_FILE);
		boolean cached;
		GraphHopper hopper;
		// several instances may share the graph folder (issue 16): one builds, the others
		// wait and load
		try (GraphBuildLock lock = GraphBuildLock.acquire(dir)) {
			cached = source.equals(readOrNull(fingerprintFile));
			if (!cached) {
				log.info("Building road graph from {} into {} (profiles {})", osm, dir, settings.profiles());
				deleteContents(dir);
			}
			else {
				log.info("Loading cached road graph from {}", dir);
			}
			hopper = newHopper(osm, dir, settings.profiles());
			hopper.importOrLoad();
			if (!cached) {
				write(fingerprintFile, source);
			}
		}
		NetworkRouter router = new NetworkRouter(hopper, settings);
		long loadMillis = (System.nanoTime() - start) / 1_000_000;
		log.info("Road graph {} in {} ms: {} nodes, {} edges, profiles {}", cached ? "loaded" : "built", loadMillis,
				hopper.getBaseGraph().getNodes(), hopper.getBaseGraph().getEdges(), settings.profiles());
		return new Loaded(hopper, router, "network:" + sha256(source).substring(0, 32), loadMillis);
	}

	static GraphHopper newHopper(Path osm, Path dir, List<String> profiles) {
		GraphHopper gh = new GraphHopper();
		gh.setOSMFile(osm.toString());
		gh.setGraphHopperLocation(dir.toString());
		gh.setEncodedValuesString(ENCODED_VALUES);
		gh.setProfiles(profiles.stream().map(GraphHopperGraph::profile).toList());
		gh.getCHPreparationHandler().setCHProfiles(chProfiles(profiles).stream().map(CHProfile::new).toList());
		return gh;
	}

	static List<String> chProfiles(List<String> profiles) {
		return profiles.stream().filter(CH_PROFILES::contains).toList();
	}

	/**
	 * A profile whose weight is its travel time (no distance influence, no priority other
	 * than access), so that the shortest path is the fastest and isochrones are true
	 * travel times.
	 */
	private static Profile profile(String name) {
		String vehicle = PROFILE_VEHICLES.get(name);
		if (vehicle == null) {
			throw new IllegalStateException("Unknown routing profile '" + name
					+ "' in proxima.routing.profiles; known: " + PROFILE_VEHICLES.keySet());
		}
		CustomModel model = new CustomModel().setDistanceInfluence(0d)
			.addToPriority(Statement.If("!" + vehicle + "_access", Statement.Op.MULTIPLY, "0"))
			.addToSpeed(Statement.If("true", Statement.Op.LIMIT, vehicle + "_average_speed"));
		return new Profile(name).setCustomModel(model);
	}

	/** What the cached graph was built from: when this changes, the cache is rebuilt. */
	private static String describeSource(Path osm, List<String> profiles) {
		try {
			return "graphhopper=" + Constants.VERSION + ";osm=" + osm + ";size=" + Files.size(osm) + ";mtime="
					+ Files.getLastModifiedTime(osm).toMillis() + ";encoded=" + ENCODED_VALUES + ";profiles="
					+ String.join(",", profiles) + ";ch=" + String.join(",", chProfiles(profiles));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The loaded graph's router, or null when no graph is configured. */
	public NetworkRouter router() {
		return router;
	}

	/** "estimate" without a graph, else a hash of what the graph was built from. */
	public String fingerprint() {
		return fingerprint == null ? "estimate" : fingerprint;
	}

	public GraphStatus status() {
		if (hopper == null) {
			return new GraphStatus(false, null, 0, 0, settings.profiles(), loadMillis);
		}
		return new GraphStatus(true, settings.osmFile(), hopper.getBaseGraph().getNodes(),
				hopper.getBaseGraph().getEdges(), settings.profiles(), loadMillis);
	}

	/** What the health endpoint and the bench report. */
	public record GraphStatus(boolean loaded, String osmFile, int nodes, int edges, List<String> profiles,
			long loadMillis) {
	}

	@Override
	public void destroy() {
		if (hopper != null) {
			hopper.close();
		}
	}

	private static String readOrNull(Path file) {
		try {
			return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
		}
		catch (IOException e) {
			return null;
		}
	}

	private static void write(Path file, String content) {
		try {
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void deleteContents(Path dir) {
		if (!Files.isDirectory(dir)) {
			return;
		}
		try (Stream<Path> files = Files.list(dir)) {
			for (Path f : files.toList()) {
				if (Files.isRegularFile(f)) {
					Files.delete(f);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot clear the graph cache " + dir, e);
		}
	}

	static String sha256(String s) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
