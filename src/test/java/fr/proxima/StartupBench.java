package fr.proxima;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fr.proxima.support.BenchProcess;
import fr.proxima.support.SharedData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: start-up, memory and GraphHopper's own server, in one run, on the packaged
 * jar ({@code ./mvnw -B -q package -DskipTests} first). It
 * <ol>
 * <li>starts Proxima on an empty H2GIS store with {@code PROXIMA_DATA_DIR=../shared/data}
 * and the Andorra OSM file in the documented heap ({@code -Xmx512m}): time to a healthy
 * {@code /actuator/health}, time until the background travel-time precompute committed,
 * peak RSS (VmHWM) and the heap in use (GC log);</li>
 * <li>restarts it on that existing store with its cached graph {@value #DEFAULT_RUNS}
 * times (or {@code -Dproxima.bench.startup-runs}) from the jar, and as many times from
 * the extracted jar with a class-data-sharing archive made by a training run
 * ({@code -XX:ArchiveClassesAtExit}, {@code -Dspring.context.exit=onRefresh}),
 * interleaved with starts of {@code graphhopper-web} 11.0 (the self-contained jar from
 * Maven Central) on the same OSM file and the same car custom model, CH on car; with
 * {@code -Dproxima.bench.before-jar} (e.g. a jar built from main in a copy) that jar's
 * starts too, interleaved;</li>
 * <li>with both servers up, times the same random routes and 30-minute isochrones on
 * each, interleaved, on pairs of points graphhopper-web routes, and prints p50/p99, the
 * ratio Proxima ÷ graphhopper-web, and beside them Proxima's time in its server (Tomcat
 * access log) and in its search ({@code Server-Timing}).</li>
 * </ol>
 * Every process it starts is stopped, also on failure. Files under
 * {@code target/bench/startup}.
 */
class StartupBench {

	static final int DEFAULT_RUNS = 3;

	static final String HEAP = "-Xmx512m";

	static final Path ROOT = Path.of("target/bench/startup").toAbsolutePath();

	/** The jar measured: {@code target/proxima.jar}, or {@code -Dproxima.bench.jar}. */
	static final Path JAR = Path.of(System.getProperty("proxima.bench.jar", "target/proxima.jar")).toAbsolutePath();

	static final String GH_VERSION = "11.0";

	/**
	 * Spring AOT: the bean definitions written at package ({@code process-aot}) instead
	 * of the configuration classes and conditions evaluated at start.
	 */
	static final String SPRING_AOT = "-Dspring.aot.enabled=true";

	final int runs = Integer.getInteger("proxima.bench.startup-runs", DEFAULT_RUNS);

	final int routes = Integer.getInteger("proxima.bench.routes", 500);

	final int isochrones = Integer.getInteger("proxima.bench.isochrones", 100);

	/**
	 * What to run (comma-separated, all by default): first (the first start with import),
	 * starts (the timed restarts), side (the side-by-side requests).
	 */
	final List<String> parts = List.of(System.getProperty("proxima.bench.parts", "first,starts,side").split(","));

	/** The store the restarts use when the first start is not run (an imported one). */
	final Path store = Path.of(System.getProperty("proxima.bench.store", ROOT.resolve("store").toString()))
		.toAbsolutePath();

	/**
	 * The extracted jar and its CDS archive {@code proxima.jsa}: reused when the archive
	 * is newer than the jar, else made again.
	 */
	final Path extracted = Path.of(System.getProperty("proxima.bench.extracted", ROOT.resolve("extracted").toString()))
		.toAbsolutePath();

	/**
	 * A jar to compare with, e.g. one built from main in a copy
	 * ({@code -Dproxima.bench.before-jar}): the part starts then times it too,
	 * interleaved with {@link #JAR}, from the jar and from its own extracted copy with
	 * its own CDS archive.
	 */
	final Path beforeJar = Optional.ofNullable(System.getProperty("proxima.bench.before-jar"))
		.map(j -> Path.of(j).toAbsolutePath())
		.orElse(null);

	/**
	 * A JDK 25+ home ({@code -Dproxima.bench.aot-jdk}, e.g.
	 * {@code /usr/lib/jvm/temurin-25-jdk-amd64}): the part starts then also times the
	 * extracted jar on that runtime with its AOT cache ({@code -XX:AOTCache}, JEP
	 * 483/514/515: classes loaded and linked, and method profiles, from a training run),
	 * and the same with Spring AOT ({@value #SPRING_AOT}, its own cache), interleaved.
	 */
	final Path aotJdk = Optional.ofNullable(System.getProperty("proxima.bench.aot-jdk")).map(Path::of).orElse(null);

	final List<BenchProcess> started = new ArrayList<>();

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void startupMemoryAndGraphHopperServer() throws Exception {
		assertThat(JAR).as("build the jar first: ./mvnw -B -q package -DskipTests").isRegularFile();
		Path osm = SharedData.file("04_osm/andorra.osm.pbf");
		Files.createDirectories(ROOT);
		try {
			Path store = parts.contains("first") ? firstStartWithImport(osm) : existingStore();
			if (!parts.contains("starts") && !parts.contains("side")) {
				return;
			}
			Path archive = classDataArchive(JAR, extracted, store, osm);
			Path ghJar = graphHopperWebJar();
			Path ghDir = graphHopperConfig(osm);
			double ghBuild = graphHopperFirstStart(ghJar, ghDir);
			print("graphhopper-web first start (graph build with CH): %.1f s", ghBuild);
			if (!parts.contains("starts")) {
				sideBySide(store, osm, archive, ghJar, ghDir);
				return;
			}
			Path beforeExtracted = ROOT.resolve("extracted-before");
			Path beforeArchive = beforeJar == null ? null : classDataArchive(beforeJar, beforeExtracted, store, osm);
			Path aotCache = aotJdk == null ? null : aotCache(store, osm, "proxima.aot", List.of());
			Path springAotCache = aotJdk == null ? null
					: aotCache(store, osm, "proxima-spring-aot.aot", List.of(SPRING_AOT));
			if (aotJdk == null) {
				print("no -Dproxima.bench.aot-jdk (a JDK 25+ home): the AOT cache variant is not timed");
			}
			List<String> aot = new ArrayList<>();
			List<String> springAot = new ArrayList<>();
			List<String> plain = new ArrayList<>();
			List<String> cds = new ArrayList<>();
			List<String> beforePlain = new ArrayList<>();
			List<String> beforeCds = new ArrayList<>();
			List<String> gh = new ArrayList<>();
			for (int i = 0; i < runs; i++) {
				if (beforeJar != null) {
					beforePlain.add(timeStart(proximaCommand(List.of(), beforeJar), store, osm));
					beforeCds.add(timeStart(proximaCommand(List.of("-XX:SharedArchiveFile=" + beforeArchive),
							beforeExtracted.resolve(beforeJar.getFileName())), store, osm));
				}
				plain.add(timeStart(proximaCommand(List.of(), JAR), store, osm));
				cds.add(timeStart(proximaCommand(List.of("-XX:SharedArchiveFile=" + archive), extractedJar()), store,
						osm));
				if (aotCache != null) {
					aot.add(timeStart(proximaCommand(aotJava(), List.of("-XX:AOTCache=" + aotCache), extractedJar()),
							store, osm));
					springAot.add(timeStart(proximaCommand(aotJava(),
							List.of("-XX:AOTCache=" + springAotCache, SPRING_AOT), extractedJar()), store, osm));
				}
				gh.add(timeGraphHopperStart(ghJar, ghDir));
			}
			beforePlain.forEach(s -> print("Proxima start on the existing store, before, jar:         %s", s));
			beforeCds.forEach(s -> print("Proxima start on the existing store, before, jar + CDS:   %s", s));
			plain.forEach(s -> print("Proxima start on the existing store, jar:                 %s", s));
			cds.forEach(s -> print("Proxima start on the existing store, extracted jar + CDS: %s", s));
			aot.forEach(s -> print("Proxima start on the existing store, JDK 25 + AOT cache:  %s", s));
			springAot.forEach(s -> print("Proxima start on the existing store, + Spring AOT:       %s", s));
			gh.forEach(s -> print("graphhopper-web start on its cached graph:               %s", s));
			if (parts.contains("side")) {
				sideBySide(store, osm, archive, ghJar, ghDir);
			}
		}
		finally {
			started.forEach(BenchProcess::close);
		}
	}

	/** First start on an empty store with the data folder; waits for the precompute. */
	Path firstStartWithImport(Path osm) throws Exception {
		deleteTree(store);
		Files.createDirectories(store);
		Path gcLog = store.resolve("gc.log");
		int port = BenchProcess.freePort();
		List<String> command = proximaCommand(List.of("-Xlog:gc:file=" + gcLog), JAR);
		command.add("--server.port=" + port);
		BenchProcess p = start(command, store,
				Map.of("PROXIMA_DATA_DIR", SharedData.root().toString(), "PROXIMA_OSM_FILE", osm.toString()),
				"first-start.log");
		double healthy = p.awaitHealthy(health(port), Duration.ofMinutes(20));
		double rssHealthy = p.peakRssMb();
		double precomputed = p.awaitLog(Duration.ofMinutes(30), "pairs inserted", "are up to date");
		print("first start with import of ../shared/data (%s): healthy after %.1f s (peak RSS %.0f MB),"
				+ " travel times precomputed after %.1f s; peak RSS %d MB, CPU %.1f s; heap %s", HEAP, healthy,
				rssHealthy, precomputed, p.peakRssMb(), p.cpuSeconds(), heapFromGcLog(gcLog));
		stop(p);
		return store;
	}

	/**
	 * Extracts the jar ({@code -Djarmode=tools extract}) and makes a CDS archive with a
	 * training run that exits once the context is refreshed.
	 */
	Path classDataArchive(Path jar, Path extracted, Path store, Path osm) throws Exception {
		Path archive = extracted.resolve("proxima.jsa");
		if (Files.isRegularFile(archive)
				&& Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
			print("CDS archive %s reused (newer than the jar)", archive);
			return archive;
		}
		deleteTree(extracted);
		run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
				extracted.toString()), ROOT);
		List<String> training = proximaCommand(
				List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh"),
				extracted.resolve(jar.getFileName()));
		training.add("--server.port=" + BenchProcess.freePort());
		long t0 = System.nanoTime();
		BenchProcess p = start(training, store, Map.of("PROXIMA_OSM_FILE", osm.toString()), "cds-training.log");
		int exit = p.awaitExit(Duration.ofMinutes(10));
		if (exit != 0) {
			Files.deleteIfExists(archive); // written at exit even when the start failed:
											// not a full archive
		}
		assertThat(exit).as("training run exit code, see " + p.log()).isZero();
		stop(p);
		print("CDS training run: %.1f s, archive %d MB", (System.nanoTime() - t0) / 1e9,
				Files.size(archive) / (1024 * 1024));
		return archive;
	}

	/**
	 * An AOT cache {@code name} of the extracted jar on {@link #aotJdk}, for a start with
	 * {@code options}: reused when newer than the jar, else made by a training run
	 * ({@code -XX:AOTCacheOutput}, the same options) that starts on the existing store,
	 * answers one healthy {@code /actuator/health} and is stopped (SIGTERM): the JVM then
	 * writes the cache, in a child JVM it waits for.
	 */
	Path aotCache(Path store, Path osm, String name, List<String> options) throws Exception {
		Path cache = extracted.resolve(name);
		if (Files.isRegularFile(cache)
				&& Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(JAR)) > 0) {
			print("AOT cache %s reused (newer than the jar)", cache);
			return cache;
		}
		Files.deleteIfExists(cache);
		int port = BenchProcess.freePort();
		List<String> trainingOptions = new ArrayList<>(List.of("-XX:AOTCacheOutput=" + cache));
		trainingOptions.addAll(options);
		List<String> training = proximaCommand(aotJava(), trainingOptions, extractedJar());
		training.add("--server.port=" + port);
		long t0 = System.nanoTime();
		BenchProcess p = start(training, store, Map.of("PROXIMA_OSM_FILE", osm.toString()),
				name.replace(".aot", "-training.log"));
		p.awaitHealthy(health(port), Duration.ofMinutes(10));
		int exit = p.stopAndAwaitExit(Duration.ofMinutes(10));
		started.remove(p);
		assertThat(cache).as("AOT cache written at exit (exit code %d), see %s", exit, p.log()).isRegularFile();
		print("AOT cache training run %s (JDK %s): %.1f s, cache %d MB", options, aotJdk.getFileName(),
				(System.nanoTime() - t0) / 1e9, Files.size(cache) / (1024 * 1024));
		return cache;
	}

	String aotJava() {
		return aotJdk.resolve("bin/java").toString();
	}

	Path extractedJar() {
		return extracted.resolve(JAR.getFileName());
	}

	Path existingStore() {
		assertThat(store.resolve("data/proxima.mv.db")).as("an imported store (run the part 'first' once)")
			.isRegularFile();
		return store.toAbsolutePath();
	}

	/** A start on the existing store: "healthy after … s, CPU … s, peak RSS … MB". */
	String timeStart(List<String> command, Path store, Path osm) throws Exception {
		int port = BenchProcess.freePort();
		command.add("--server.port=" + port);
		BenchProcess p = start(command, store, Map.of("PROXIMA_OSM_FILE", osm.toString()), "start.log");
		double healthy = p.awaitHealthy(health(port), Duration.ofMinutes(10));
		String figures = String.format(Locale.ROOT, "healthy after %5.1f s, CPU %5.1f s, peak RSS %4d MB (load %s)",
				healthy, p.cpuSeconds(), p.peakRssMb(), load());
		stop(p);
		return figures;
	}

	List<String> proximaCommand(List<String> jvmOptions, Path jar) {
		return proximaCommand(java(), jvmOptions, jar);
	}

	List<String> proximaCommand(String java, List<String> jvmOptions, Path jar) {
		List<String> command = new ArrayList<>(List.of(java, HEAP));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString(), "--proxima.rate-limit.enabled=false"));
		return command;
	}

	/** The self-contained graphhopper-web jar, copied from Maven Central by Maven. */
	Path graphHopperWebJar() throws Exception {
		Path dir = ROOT.resolve("graphhopper-web");
		Path jar = dir.resolve("graphhopper-web-" + GH_VERSION + ".jar");
		if (!Files.isRegularFile(jar)) {
			run(List.of(Path.of("mvnw").toAbsolutePath().toString(), "-B", "-q", "dependency:copy",
					"-Dartifact=com.graphhopper:graphhopper-web:" + GH_VERSION, "-DoutputDirectory=" + dir), ROOT);
		}
		return jar;
	}

	/**
	 * Its config: the same OSM file, encoded values, profiles and custom models as
	 * {@code routing.internal.GraphHopperGraph}, CH on car.
	 */
	Path graphHopperConfig(Path osm) throws IOException {
		Path dir = ROOT.resolve("graphhopper-web/run");
		deleteTree(dir);
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("config.yml"),
				"""
						graphhopper:
						  datareader.file: %s
						  graph.location: graph-cache
						  graph.encoded_values: car_access, car_average_speed, road_access, road_class, foot_access, foot_average_speed
						  import.osm.ignored_highways: ""
						  prepare.min_network_size: 200
						  profiles:
						    - name: car
						      custom_model:
						        distance_influence: 0
						        priority: [ { if: "!car_access", multiply_by: "0" } ]
						        speed: [ { if: "true", limit_to: "car_average_speed" } ]
						    - name: foot
						      custom_model:
						        distance_influence: 0
						        priority: [ { if: "!foot_access", multiply_by: "0" } ]
						        speed: [ { if: "true", limit_to: "foot_average_speed" } ]
						  profiles_ch:
						    - profile: car
						  profiles_lm: []
						server:
						  application_connectors:
						    - type: http
						      port: 8989
						      bind_host: localhost
						  admin_connectors:
						    - type: http
						      port: 8990
						      bind_host: localhost
						"""
					.formatted(osm));
		return dir;
	}

	double graphHopperFirstStart(Path jar, Path dir) throws Exception {
		int port = BenchProcess.freePort();
		BenchProcess p = startGraphHopper(jar, dir, port, "gh-first-start.log");
		double healthy = p.awaitHealthy("http://localhost:" + port + "/health", Duration.ofMinutes(10));
		stop(p);
		return healthy;
	}

	String timeGraphHopperStart(Path jar, Path dir) throws Exception {
		int port = BenchProcess.freePort();
		BenchProcess p = startGraphHopper(jar, dir, port, "gh-start.log");
		double healthy = p.awaitHealthy("http://localhost:" + port + "/health", Duration.ofMinutes(10));
		String figures = String.format(Locale.ROOT, "healthy after %5.1f s, CPU %5.1f s, peak RSS %4d MB (load %s)",
				healthy, p.cpuSeconds(), p.peakRssMb(), load());
		stop(p);
		return figures;
	}

	BenchProcess startGraphHopper(Path jar, Path dir, int port, String log) {
		// Dropwizard overrides a config value with a dw.-prefixed system property
		List<String> command = List.of(java(), HEAP, "-Ddw.server.application_connectors[0].port=" + port,
				"-Ddw.server.admin_connectors[0].port=" + BenchProcess.freePort(), "-jar", jar.toString(), "server",
				"config.yml");
		return start(command, dir, Map.of(), log);
	}

	/**
	 * Both servers up; the same random requests on each, interleaved. Proxima writes a
	 * Tomcat access log with each request's time in the server ({@code %D}, microseconds)
	 * and answers its search time in {@code Server-Timing}; graphhopper-web its own in
	 * {@code info.took}.
	 */
	void sideBySide(Path store, Path osm, Path archive, Path ghJar, Path ghDir) throws Exception {
		int proximaPort = BenchProcess.freePort();
		Path accessLogs = ROOT.resolve("access-log");
		deleteTree(accessLogs);
		List<String> command = proximaCommand(List.of("-XX:SharedArchiveFile=" + archive), extractedJar());
		command.addAll(List.of("--server.port=" + proximaPort, "--server.tomcat.accesslog.enabled=true",
				"--server.tomcat.accesslog.directory=" + accessLogs, "--server.tomcat.accesslog.pattern=%U%q %D",
				"--server.tomcat.accesslog.buffered=false"));
		BenchProcess proxima = start(command, store, Map.of("PROXIMA_OSM_FILE", osm.toString()), "side-by-side.log");
		int ghPort = BenchProcess.freePort();
		BenchProcess gh = startGraphHopper(ghJar, ghDir, ghPort, "gh-side-by-side.log");
		proxima.awaitHealthy(health(proximaPort), Duration.ofMinutes(10));
		gh.awaitHealthy("http://localhost:" + ghPort + "/health", Duration.ofMinutes(10));
		String p = "http://localhost:" + proximaPort;
		String g = "http://localhost:" + ghPort;
		List<double[][]> pairs = routedPairs(g, routes + isochrones);
		Random random = new Random(15);
		compare("route", routes, Integer.getInteger("proxima.bench.route-warm-up", 2000), random, accessLogs, i -> {
			double[][] pair = pairs.get(i);
			return new String[] { p + "/api/routing/route?from=" + lonLat(pair[0]) + "&to=" + lonLat(pair[1]),
					g + "/route?profile=car&calc_points=false&instructions=false&point=" + latLon(pair[0]) + "&point="
							+ latLon(pair[1]) };
		});
		compare("30-minute isochrone", isochrones, Integer.getInteger("proxima.bench.isochrone-warm-up", 200), random,
				accessLogs, i -> {
					double[] a = pairs.get(routes + i)[0];
					return new String[] { p + "/api/routing/isochrones?minutes=30&point=" + lonLat(a),
							g + "/isochrone?profile=car&time_limit=1800&point=" + latLon(a) };
				});
		print("side by side: Proxima peak RSS %d MB, graphhopper-web peak RSS %d MB", proxima.peakRssMb(),
				gh.peakRssMb());
	}

	interface Requests {

		/** The Proxima URL and the graphhopper-web URL of sample i. */
		String[] urls(int i);

	}

	static final Pattern SERVER_TIMING = Pattern.compile("dur=([0-9.]+)");

	static final Pattern TOOK = Pattern.compile("\"took\":([0-9.]+)");

	void compare(String what, int n, int warmUp, Random random, Path accessLogs, Requests requests) throws Exception {
		List<Long> proxima = new ArrayList<>();
		List<Long> gh = new ArrayList<>();
		List<String> measuredUrls = new ArrayList<>();
		List<Long> search = new ArrayList<>();
		List<Long> ghTook = new ArrayList<>();
		int failures = 0;
		for (int i = 0; i < warmUp + n; i++) {
			String[] urls = requests.urls(i % n);
			boolean proximaFirst = random.nextBoolean();
			long[] t = new long[2];
			HttpResponse<?>[] answers = new HttpResponse<?>[2];
			for (int k = 0; k < 2; k++) {
				int which = proximaFirst ? k : 1 - k;
				long t0 = System.nanoTime();
				answers[which] = get(urls[which]);
				t[which] = System.nanoTime() - t0;
			}
			boolean both = answers[0].statusCode() == 200 && answers[1].statusCode() == 200
					&& answers[0].body().toString().contains("\"network\"");
			if (!both) {
				failures++;
			}
			else if (i >= warmUp) {
				proxima.add(t[0]);
				gh.add(t[1]);
				measuredUrls.add(urls[0]);
				answers[0].headers()
					.firstValue("Server-Timing")
					.map(SERVER_TIMING::matcher)
					.filter(Matcher::find)
					.ifPresent(m -> search.add((long) (Double.parseDouble(m.group(1)) * 1e6)));
				Matcher took = TOOK.matcher(answers[1].body().toString());
				if (took.find()) {
					ghTook.add((long) (Double.parseDouble(took.group(1)) * 1e6));
				}
			}
		}
		assertThat(proxima).as(what + " samples answered on the road network by both").isNotEmpty();
		List<Long> inServer = inServerNanos(accessLogs, measuredUrls);
		Stream.of(proxima, gh, search, ghTook, inServer).forEach(Collections::sort);
		print("%s (n = %d, %d pairs left out: not 200 or not on the network, load %s): Proxima p50 %.2f ms, p99 %.2f"
				+ " ms; graphhopper-web p50 %.2f ms, p99 %.2f ms; ratio Proxima / graphhopper-web p50 %.2f, p99 %.2f",
				what, proxima.size(), failures, load(), ms(proxima, 0.5), ms(proxima, 0.99), ms(gh, 0.5), ms(gh, 0.99),
				ms(proxima, 0.5) / ms(gh, 0.5), ms(proxima, 0.99) / ms(gh, 0.99));
		print("%s, where Proxima's time goes: in Tomcat (access log, n = %d) p50 %.2f ms, p99 %.2f ms; its search"
				+ " (Server-Timing, n = %d) p50 %.3f ms, p99 %.3f ms; graphhopper-web's own 'took' (whole ms, n = %d)"
				+ " p50 %.0f ms", what, inServer.size(), ms(inServer, 0.5), ms(inServer, 0.99), search.size(),
				ms(search, 0.5), ms(search, 0.99), ghTook.size(), ms(ghTook, 0.5));
	}

	/**
	 * Each measured URL's time in Proxima's server, from its Tomcat access log (the last
	 * line for the URL: a warm-up sent the same URL earlier).
	 */
	static List<Long> inServerNanos(Path accessLogs, List<String> urls) throws IOException {
		Map<String, Long> last = new java.util.HashMap<>();
		try (Stream<Path> files = Files.list(accessLogs)) {
			for (Path file : files.toList()) {
				for (String line : Files.readAllLines(file)) {
					int space = line.lastIndexOf(' ');
					if (space > 0) {
						last.put(line.substring(0, space), Long.parseLong(line.substring(space + 1).trim()) * 1000);
					}
				}
			}
		}
		List<Long> nanos = new ArrayList<>();
		for (String url : urls) {
			Long t = last.get(URI.create(url).getRawPath() + "?" + URI.create(url).getRawQuery());
			if (t != null) {
				nanos.add(t);
			}
		}
		return nanos;
	}

	/**
	 * Random pairs of points of Andorra, each moved onto the car network by
	 * graphhopper-web's {@code /nearest} (kept within 300 m of a road), kept when
	 * graphhopper-web's {@code /route} answers 200 between them: points on roads both
	 * servers route (its {@code /nearest} also finds roads that car routing leaves out).
	 */
	List<double[][]> routedPairs(String gh, int count) throws Exception {
		Random random = new Random(42);
		List<double[][]> pairs = new ArrayList<>();
		int tries = 0;
		int unrouted = 0;
		while (pairs.size() < count && tries++ < count * 50) {
			double[] a = nearestRoad(gh, random);
			double[] b = nearestRoad(gh, random);
			if (a == null || b == null) {
				continue;
			}
			if (get(gh + "/route?profile=car&calc_points=false&instructions=false&point=" + latLon(a) + "&point="
					+ latLon(b))
				.statusCode() == 200) {
				pairs.add(new double[][] { a, b });
			}
			else {
				unrouted++;
			}
		}
		assertThat(pairs).as("pairs graphhopper-web routes").hasSize(count);
		print("%d pairs of points on roads drawn; %d pairs graphhopper-web does not route left out", count, unrouted);
		return pairs;
	}

	double[] nearestRoad(String gh, Random random) throws Exception {
		Pattern coordinates = Pattern.compile("\"coordinates\":\\[([-0-9.]+),([-0-9.]+)");
		Pattern distance = Pattern.compile("\"distance\":([-0-9.E]+)");
		double lat = 42.43 + random.nextDouble() * 0.22;
		double lon = 1.41 + random.nextDouble() * 0.37;
		HttpResponse<String> r = get(
				String.format(Locale.ROOT, "%s/nearest?profile=car&point=%.6f,%.6f", gh, lat, lon));
		Matcher c = coordinates.matcher(r.body());
		Matcher d = distance.matcher(r.body());
		if (r.statusCode() == 200 && c.find() && d.find() && Double.parseDouble(d.group(1)) < 300) {
			return new double[] { Double.parseDouble(c.group(1)), Double.parseDouble(c.group(2)) };
		}
		return null;
	}

	HttpResponse<String> get(String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	BenchProcess start(List<String> command, Path dir, Map<String, String> env, String log) {
		BenchProcess p = BenchProcess.start(command, dir, env, ROOT.resolve(log));
		started.add(p);
		return p;
	}

	void stop(BenchProcess p) {
		p.close();
		started.remove(p);
	}

	static void run(List<String> command, Path dir) throws Exception {
		Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
		try {
			assertThat(p.waitFor(10, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
			assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
		}
		finally {
			p.destroyForcibly();
		}
	}

	/**
	 * The heap in use: the largest before a collection and the largest live after one.
	 */
	static String heapFromGcLog(Path gcLog) throws IOException {
		Pattern pause = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
		long before = 0;
		long after = 0;
		long committed = 0;
		for (String line : Files.readAllLines(gcLog)) {
			Matcher m = pause.matcher(line);
			if (m.find()) {
				before = Math.max(before, Long.parseLong(m.group(1)));
				after = Math.max(after, Long.parseLong(m.group(2)));
				committed = Math.max(committed, Long.parseLong(m.group(3)));
			}
		}
		return String.format(Locale.ROOT, "in use at most %d MB before a GC, %d MB live after one, %d MB committed",
				before, after, committed);
	}

	static double ms(List<Long> sorted, double q) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * q) - 1)) / 1e6;
	}

	static String lonLat(double[] p) {
		return String.format(Locale.ROOT, "%.6f,%.6f", p[0], p[1]);
	}

	static String latLon(double[] p) {
		return String.format(Locale.ROOT, "%.6f,%.6f", p[1], p[0]);
	}

	static String health(int port) {
		return "http://localhost:" + port + "/actuator/health";
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	static String load() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException e) {
			return "?";
		}
	}

	static void print(String format, Object... args) {
		System.out.println("[StartupBench] " + String.format(Locale.ROOT, format, args));
	}

	static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Collections.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
