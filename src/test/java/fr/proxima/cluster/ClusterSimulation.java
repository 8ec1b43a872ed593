package fr.proxima.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import fr.proxima.support.RequirePostgis;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs {@code gis/simulate-cluster.sh up} for a test or a bench (issue 16): PostgreSQL
 * primary and streaming replica, pgbouncer, two Proxima instances from
 * {@code target/classes} and the runtime class path, HAProxy in front, on free loopback
 * ports. {@link #close()} closes the script's standard input, on which it stops
 * everything it started. Without HAProxy, pgbouncer or PostgreSQL's binaries the caller
 * skips on a laptop and fails in CI.
 */
public final class ClusterSimulation implements AutoCloseable {

	public static final String ADMIN_TOKEN = "cluster-test-admin-token";

	static final ObjectMapper JSON = new ObjectMapper();

	private final Process script;

	private final Path dir;

	private final int base;

	public final URI balancer;

	public final URI instance1;

	public final URI instance2;

	public final int replicaPort;

	public final int primaryPort;

	public final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private ClusterSimulation(Process script, Path dir, int base) {
		this.script = script;
		this.dir = dir;
		this.base = base;
		this.balancer = URI.create("http://127.0.0.1:" + (base + 20));
		this.instance1 = URI.create("http://127.0.0.1:" + (base + 10));
		this.instance2 = URI.create("http://127.0.0.1:" + (base + 11));
		this.replicaPort = base + 1;
		this.primaryPort = base;
	}

	/** Starts the simulation, waiting at most {@code limit} for it to be ready. */
	public static ClusterSimulation start(Duration limit) throws Exception {
		String missing = missingTools();
		if (missing != null) {
			if (RequirePostgis.required()) {
				throw new IllegalStateException("The cluster simulation needs " + missing
						+ " (CI or PROXIMA_REQUIRE_POSTGIS=true): apt-get install haproxy pgbouncer postgresql-15");
			}
			Assumptions.abort("Skipping the cluster simulation: " + missing
					+ " missing (apt-get install haproxy pgbouncer postgresql-15-postgis-3)");
		}
		Path classpath = Path.of("target/runtime-classpath.txt");
		String cp = Path.of("target/classes").toAbsolutePath() + ":" + Files.readString(classpath).trim();
		int base = freeBase();
		Path dir = Path.of(System.getProperty("java.io.tmpdir"), "proxima-cluster-" + base);
		ProcessBuilder pb = new ProcessBuilder("bash", "gis/simulate-cluster.sh", "up").redirectErrorStream(true);
		Map<String, String> env = pb.environment();
		env.put("PROXIMA_CLASSPATH", cp);
		env.put("SIM_DIR", dir.toString());
		env.put("SIM_BASE_PORT", String.valueOf(base));
		env.put("SIM_ADMIN_TOKEN", ADMIN_TOKEN);
		// both instances are workers of the distributed precompute, which only the tests
		// start
		env.put("SIM_PRECOMPUTE", "distributed");
		env.put("SIM_JAVA_OPTS", System.getProperty("proxima.cluster.java-opts",
				"-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"));
		Process p = pb.start();
		ClusterSimulation sim = new ClusterSimulation(p, dir, base);
		try {
			sim.awaitReady(limit);
		}
		catch (Exception e) {
			sim.close();
			throw e;
		}
		return sim;
	}

	private void awaitReady(Duration limit) throws Exception {
		List<String> lines = new ArrayList<>();
		AtomicInteger ready = new AtomicInteger();
		Thread reader = new Thread(() -> {
			try (BufferedReader r = new BufferedReader(
					new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line; (line = r.readLine()) != null;) {
					System.out.println("[simulation] " + line);
					synchronized (lines) {
						lines.add(line);
					}
					if (line.startsWith("CLUSTER READY")) {
						ready.set(1);
					}
				}
			}
			catch (IOException e) {
				// the script ended
			}
		}, "simulation-output");
		reader.setDaemon(true);
		reader.start();
		long end = System.nanoTime() + limit.toNanos();
		while (ready.get() == 0) {
			if (!script.isAlive()) {
				throw new IllegalStateException("The simulation script ended before it was ready: " + lines);
			}
			if (System.nanoTime() > end) {
				throw new IllegalStateException("The simulation was not ready within " + limit + ": " + lines);
			}
			Thread.sleep(200);
		}
	}

	/**
	 * Runs one of the script's control commands (replica-stop, replica-start, kill N,
	 * start N, balance N).
	 */
	public void control(String... command) throws Exception {
		List<String> args = new ArrayList<>(List.of("bash", "gis/simulate-cluster.sh"));
		args.addAll(List.of(command));
		ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
		pb.environment().put("SIM_DIR", dir.toString());
		pb.environment().put("SIM_BASE_PORT", String.valueOf(base));
		Process p = pb.start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
			throw new IllegalStateException("simulate-cluster.sh " + String.join(" ", command) + " failed: " + out);
		}
	}

	/** {@code GET /api/admin/cluster} of one instance. */
	public JsonNode status(URI instance) throws Exception {
		return adminGet(instance, "/api/admin/cluster");
	}

	/** {@code GET /api/admin/cluster/precompute} of one instance. */
	public JsonNode precompute(URI instance) throws Exception {
		return adminGet(instance, "/api/admin/cluster/precompute");
	}

	private JsonNode adminGet(URI instance, String path) throws Exception {
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(instance.resolve(path))
			.header("X-Proxima-Admin-Token", ADMIN_TOKEN)
			.timeout(Duration.ofSeconds(5))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 200) {
			throw new IllegalStateException(path + " " + r.statusCode() + ": " + r.body());
		}
		return JSON.readTree(r.body());
	}

	public HttpResponse<String> get(URI base, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Counts of a read load: answered 2xx, failed (other status or no answer), its length
	 * and the slowest answer.
	 */
	public record Load(long ok, long failed, long millis, long slowestMillis) {

		public double perSecond() {
			return ok * 1000.0 / Math.max(1, millis);
		}

	}

	/**
	 * A mixed read load of the public API through {@code base}: {@code threads} clients,
	 * each sending its next request when the last one is answered, for {@code duration}.
	 * A failure's time (ms since the start) goes to {@code failures} when it is not null.
	 */
	public Load readLoad(URI base, int threads, Duration duration, List<Long> failures, List<String> paths)
			throws InterruptedException {
		AtomicLong ok = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		AtomicLong slowest = new AtomicLong();
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int offset = t;
			Thread w = new Thread(() -> {
				for (int i = offset; System.nanoTime() < end; i++) {
					String path = paths.get(i % paths.size());
					boolean good;
					long sent = System.nanoTime();
					try {
						good = get(base, path).statusCode() / 100 == 2;
					}
					catch (Exception e) {
						good = false;
					}
					slowest.accumulateAndGet((System.nanoTime() - sent) / 1_000_000, Math::max);
					if (good) {
						ok.incrementAndGet();
					}
					else {
						failed.incrementAndGet();
						if (failures != null) {
							synchronized (failures) {
								failures.add((System.nanoTime() - start) / 1_000_000);
							}
						}
					}
				}
			}, "read-load-" + t);
			workers.add(w);
			w.start();
		}
		for (Thread w : workers) {
			w.join();
		}
		return new Load(ok.get(), failed.get(), (System.nanoTime() - start) / 1_000_000, slowest.get());
	}

	/**
	 * Paths of a mixed public read load: searches, one offer, communes, départements,
	 * tiles.
	 */
	public static List<String> mixedReads(long offerId) {
		return List.of("/api/offers?bbox=3.0,44.2,4.0,44.9&limit=20", "/api/offers/" + offerId,
				"/api/communes?departement=48&limit=50", "/api/departements", "/api/offers?family=ehpad&limit=10",
				"/tiles/offers/8/130/92.mvt", "/api/places?q=Mende");
	}

	/** A connection to the primary as its superuser, past pgbouncer. */
	public Connection primary() throws Exception {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + primaryPort + "/proxima", "postgres", "");
	}

	/** {@code POST} as the admin, answered within {@code limit}. */
	public HttpResponse<String> adminPost(URI instance, String path, Duration limit) throws Exception {
		return http.send(HttpRequest.newBuilder(instance.resolve(path))
			.header("X-Proxima-Admin-Token", ADMIN_TOKEN)
			.timeout(limit)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Deletes every precomputed time, so that the next run has to write all of them. */
	public void clearTravelTimes() throws Exception {
		try (Connection c = primary()) {
			c.createStatement().execute("DELETE FROM offer_times");
		}
	}

	/**
	 * Starts a distributed precompute run through {@code instance}; {@code during} sees
	 * its progress every 100 ms.
	 * @return the progress once the run is published
	 */
	public JsonNode distributedPrecompute(URI instance, Duration limit, java.util.function.Consumer<JsonNode> during)
			throws Exception {
		HttpResponse<String> started = adminPost(instance, "/api/admin/cluster/precompute", Duration.ofSeconds(60));
		if (started.statusCode() != 202) {
			throw new IllegalStateException("precompute not started " + started.statusCode() + ": " + started.body());
		}
		long run = JSON.readTree(started.body()).at("/run/id").asLong();
		long end = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < end) {
			JsonNode progress = precompute(instance);
			String state = progress.at("/run/state").asString();
			if (progress.at("/run/id").asLong() == run && state.equals("published")) {
				return progress;
			}
			if (state.equals("failed")) {
				throw new IllegalStateException("precompute run failed: " + progress);
			}
			if (during != null) {
				during.accept(progress);
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException(
				"precompute run " + run + " not published within " + limit + ": " + precompute(instance));
	}

	/** Resident memory of instance {@code n} (Linux), in MB, or -1. */
	public long residentMegabytes(int n) {
		try {
			String pid = Files.readString(dir.resolve("proxima-" + n + ".pid")).trim();
			for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
				}
			}
		}
		catch (IOException | RuntimeException e) {
			// not Linux, or the instance is gone
		}
		return -1;
	}

	/** Size of the shared road-graph folder, in kB. */
	public long graphKilobytes() throws IOException {
		try (var files = Files.walk(dir.resolve("graph-cache"))) {
			return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum() / 1024;
		}
	}

	@Override
	public void close() throws Exception {
		script.getOutputStream().close();
		if (!script.waitFor(60, TimeUnit.SECONDS)) {
			script.destroy();
			script.waitFor(30, TimeUnit.SECONDS);
		}
	}

	private static String missingTools() {
		for (String tool : List.of("/usr/sbin/haproxy", "/usr/sbin/pgbouncer", "/usr/lib/postgresql/15/bin/initdb",
				"/usr/lib/postgresql/15/bin/pg_basebackup")) {
			if (!Files.isExecutable(Path.of(tool))) {
				return tool;
			}
		}
		return null;
	}

	/** A base port whose block of 22 ports is free now. */
	private static int freeBase() throws IOException {
		for (int attempt = 0; attempt < 50; attempt++) {
			int base = 27000 + (int) (Math.random() * 300) * 30;
			if (free(base) && free(base + 1) && free(base + 2) && free(base + 10) && free(base + 11) && free(base + 20)
					&& free(base + 21)) {
				return base;
			}
		}
		throw new IOException("No free block of loopback ports");
	}

	private static boolean free(int port) {
		try (ServerSocket s = new ServerSocket(port)) {
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

}
