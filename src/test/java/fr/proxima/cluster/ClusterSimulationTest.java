package fr.proxima.cluster;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

// issue 16: two Proxima instances behind HAProxy, on a PostgreSQL primary and a streaming replica through pgbouncer
// (gis/simulate-cluster.sh): shared sessions, reads on the replica with fallback, read-your-writes, caches dropped on
// every instance, a read load that survives kill -9 of one instance, and the partitioned travel-time precompute run as
// db-scheduler jobs on both instances, equal to the single-instance result, also when one worker is killed
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
class ClusterSimulationTest {

	static ClusterSimulation sim;

	static long offerId;

	/** A planner and contributor of the offer's organisation, signed in with a token. */
	static String bearer;

	@BeforeAll
	static void start() throws Exception {
		sim = ClusterSimulation.start(Duration.ofMinutes(5));
		JsonNode page = json(sim.get(sim.balancer, "/api/offers?family=ssiad&limit=1"));
		offerId = page.get("items").get(0).get("id").asLong();
		bearer = signInAndTakeToken();
	}

	@AfterAll
	static void stop() throws Exception {
		if (sim != null) {
			sim.close();
		}
	}

	/**
	 * Invited through the balancer, signed in through instance 1, its token asked with
	 * that session through instance 2: the session lives in the database.
	 */
	private static String signInAndTakeToken() throws Exception {
		long organisation = json(sim.get(sim.balancer, "/api/offers/" + offerId)).get("organisation")
			.get("id")
			.asLong();
		HttpResponse<String> invited = sim.http.send(HttpRequest.newBuilder(sim.balancer.resolve("/api/admin/users"))
			.header("X-Proxima-Admin-Token", ClusterSimulation.ADMIN_TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"cluster@test.proxima.fr\",\"displayName\":\"C\","
					+ "\"roles\":[\"PLANNER\",\"CONTRIBUTOR\"],\"organisations\":[" + organisation + "]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
		String link = ClusterSimulation.JSON.readTree(invited.body()).get("setupLink").asString();
		String setupToken = link.substring(link.lastIndexOf('#') + 1);

		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		browser.send(HttpRequest.newBuilder(sim.instance1.resolve("/api/account/csrf")).build(),
				HttpResponse.BodyHandlers.discarding());
		HttpResponse<String> setup = browser.send(HttpRequest.newBuilder(sim.instance1.resolve("/api/account/setup"))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", cookie(cookies, "XSRF-TOKEN"))
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"token\":\"" + setupToken + "\",\"password\":\"a long cluster passphrase\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(setup.statusCode()).as(setup.body()).isLessThan(300);
		HttpResponse<String> in = browser.send(HttpRequest.newBuilder(sim.instance1.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("email=cluster%40test.proxima.fr&password=a+long+cluster+"
					+ "passphrase&_csrf=" + URLEncoder.encode(cookie(cookies, "XSRF-TOKEN"), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
		// the session made by instance 1 is known to instance 2
		HttpResponse<String> me = browser.send(HttpRequest.newBuilder(sim.instance2.resolve("/api/account")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(me.body()).contains("cluster@test.proxima.fr");
		HttpResponse<String> token = browser.send(HttpRequest.newBuilder(sim.instance2.resolve("/api/account/tokens"))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", cookie(cookies, "XSRF-TOKEN"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"cluster test\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
		return ClusterSimulation.JSON.readTree(token.body()).get("token").asString();
	}

	@Test
	@Order(1)
	void readsGoToTheReplica() throws Exception {
		long before = replicaReads(sim.instance1) + replicaReads(sim.instance2);
		ClusterSimulation.Load load = sim.readLoad(sim.balancer, 2, Duration.ofSeconds(2), null,
				ClusterSimulation.mixedReads(offerId));
		assertThat(load.failed()).isZero();
		assertThat(replicaReads(sim.instance1) + replicaReads(sim.instance2) - before)
			.as("the public reads were answered by the replica")
			.isGreaterThanOrEqualTo(load.ok());
	}

	@Test
	@Order(2)
	void rateLimitBucketsAreSharedByTheInstances() throws Exception {
		String path = "/api/routing/nearest-offers?point=3.4992,44.5181&limit=1&cutoffMinutes=5";
		// one request to each instance first, which makes the endpoint's beans
		// (lazy start, issue 15): a token refills each second, so count quickly, and
		// count again when a refill fell between two requests (a loaded machine).
		// Separate
		// buckets never give these counts: instance 2 would answer first's count
		sim.get(sim.instance1, path);
		sim.get(sim.instance2, path);
		List<List<Long>> attempts = new ArrayList<>();
		for (int attempt = 0; attempt < 3; attempt++) {
			long first = remaining(sim.get(sim.instance1, path));
			long second = remaining(sim.get(sim.instance2, path));
			long third = remaining(sim.get(sim.instance1, path));
			attempts.add(List.of(first, second, third));
			if (second == first - 1 && third == first - 2) {
				break;
			}
		}
		List<Long> last = attempts.get(attempts.size() - 1);
		assertThat(last).as("instance 2 counts instance 1's requests, attempts %s", attempts)
			.containsExactly(last.get(0), last.get(0) - 1, last.get(0) - 2);
	}

	private static long remaining(HttpResponse<String> response) {
		return Long.parseLong(response.headers()
			.firstValue("X-RateLimit-Remaining")
			.orElseThrow(() -> new AssertionError("no rate-limit header: " + response.statusCode())));
	}

	@Test
	@Order(3)
	void aWriterReadsItsOwnWriteWhileTheReplicaLags() throws Exception {
		try (Connection replica = replicaAsSuperuser()) {
			replica.createStatement().execute("SELECT pg_wal_replay_pause()");
			try {
				CookieManager cookies = new CookieManager();
				HttpClient writer = HttpClient.newBuilder().cookieHandler(cookies).build();
				String phone = "04 66 " + (10 + (System.nanoTime() % 89)) + " 00 16";
				HttpResponse<String> edit = writer
					.send(authorised(sim.instance1.resolve("/api/manage/offers/" + offerId))
						.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"phone\":\"" + phone + "\"}"))
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
				assertThat(cookie(cookies, "proxima-primary")).as("a write marks its client").isNotNull();
				// the writer, through the other instance, reads from the primary
				HttpResponse<String> own = writer.send(
						HttpRequest.newBuilder(sim.instance2.resolve("/api/offers/" + offerId)).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(json(own).get("phone").asString()).isEqualTo(phone);
				// anyone else reads the paused replica, which has not replayed the write
				// yet
				assertThat(json(sim.get(sim.instance2, "/api/offers/" + offerId)).get("phone").asString())
					.isNotEqualTo(phone);
			}
			finally {
				replica.createStatement().execute("SELECT pg_wal_replay_resume()");
			}
		}
	}

	@Test
	@Order(4)
	void aScenarioAndAnOfferEditAreSeenThroughTheOtherInstanceWithinASecond() throws Exception {
		String name = "cluster scenario " + System.nanoTime();
		HttpResponse<String> saved = sim.http.send(authorised(sim.instance1.resolve("/api/coverage/scenarios"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
		long scenario = json(saved).get("id").asLong();
		long version = sim.status(sim.instance1).get("dataVersion").asLong();
		HttpResponse<String> edit = sim.http.send(authorised(sim.instance1.resolve("/api/manage/offers/" + offerId))
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"places\":17}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
		long start = System.nanoTime();
		boolean seen = false;
		while (!seen && System.nanoTime() - start < 1_000_000_000L) {
			HttpResponse<String> s = sim.http.send(
					authorised(sim.instance2.resolve("/api/coverage/scenarios/" + scenario)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			JsonNode offer = json(sim.get(sim.instance2, "/api/offers/" + offerId));
			seen = s.statusCode() == 200 && s.body().contains(name) && offer.path("capacity").asInt() == 17
					&& sim.status(sim.instance2).get("dataVersion").asLong() > version;
			Thread.sleep(seen ? 0 : 50);
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.println("Scenario, offer edit and data version seen through instance 2 after " + millis + " ms");
		assertThat(seen).as("seen through instance 2 within a second, caches dropped (data version moved)").isTrue();
	}

	@Test
	@Order(5)
	void readsFallBackToThePrimaryWhileTheReplicaIsStoppedAndReturnToIt() throws Exception {
		sim.control("replica-stop");
		List<Long> failures = new ArrayList<>();
		// the documented wait: replica-wait (1 s) + replica-check-interval (1 s)
		ClusterSimulation.Load during = sim.readLoad(sim.balancer, 2, Duration.ofSeconds(3), failures,
				ClusterSimulation.mixedReads(offerId));
		System.out.println("Replica stopped: " + during + ", failures at " + failures + " ms");
		assertThat(during.failed()).as("reads answered by the primary").isZero();
		assertThat(during.slowestMillis()).as("no read waited much longer than proxima.db.replica-wait")
			.isLessThan(3000);
		assertThat(sim.status(sim.instance1).at("/reads/replicas/0/up").asBoolean()).isFalse();
		long fallbacks = fallbacks(sim.instance1) + fallbacks(sim.instance2);
		assertThat(fallbacks).isGreaterThanOrEqualTo(during.ok() / 2);

		sim.control("replica-start");
		long back = System.nanoTime();
		while (!(sim.status(sim.instance1).at("/reads/replicas/0/up").asBoolean()
				&& sim.status(sim.instance2).at("/reads/replicas/0/up").asBoolean())) {
			assertThat(System.nanoTime() - back).as("replica taken back").isLessThan(30_000_000_000L);
			Thread.sleep(100);
		}
		System.out.println("Replica taken back " + (System.nanoTime() - back) / 1_000_000 + " ms after it started");
		long replicaBefore = replicaReads(sim.instance1) + replicaReads(sim.instance2);
		ClusterSimulation.Load after = sim.readLoad(sim.balancer, 2, Duration.ofSeconds(1), null,
				ClusterSimulation.mixedReads(offerId));
		assertThat(after.failed()).isZero();
		assertThat(replicaReads(sim.instance1) + replicaReads(sim.instance2) - replicaBefore)
			.isGreaterThanOrEqualTo(after.ok());
	}

	@Test
	@Order(6)
	void thePartitionedPrecomputeOnBothInstancesEqualsTheSingleInstanceResult() throws Exception {
		// the reference: the single-instance precompute of instance 1, kept aside
		long t0 = System.nanoTime();
		HttpResponse<String> single = sim.adminPost(sim.instance1, "/api/admin/travel-times/refresh",
				Duration.ofMinutes(4));
		assertThat(single.statusCode()).as(single.body()).isEqualTo(200);
		long singleMillis = (System.nanoTime() - t0) / 1_000_000;
		long reference;
		try (Connection c = sim.primary()) {
			c.createStatement().execute("DROP TABLE IF EXISTS cluster_reference_times");
			c.createStatement()
				.execute("CREATE TABLE cluster_reference_times AS SELECT " + TIME_COLUMNS + " FROM offer_times");
			reference = pairs(c, "cluster_reference_times");
		}
		assertThat(reference).as("Lozère + neighbours give many pairs").isGreaterThan(10_000);
		sim.clearTravelTimes();

		JsonNode progress = sim.distributedPrecompute(sim.instance1, Duration.ofMinutes(4), null);
		System.out.println("Single-instance precompute " + singleMillis + " ms; distributed on two instances "
				+ progress.at("/run/seconds").asDouble() + " s: " + progress.get("workers"));
		int partitions = progress.at("/run/partitions").asInt();
		assertThat(partitions).as("one partition per département of the offers").isGreaterThan(1);
		assertThat(progress.at("/run/done").asInt()).isEqualTo(partitions);
		assertThat(progress.get("workers").valueStream().map(w -> w.get("worker").asString()))
			.as("both instances computed partitions")
			.contains("proxima-1", "proxima-2");
		assertThat(progress.get("partitions").valueStream().map(p -> p.get("attempts").asInt()))
			.as("no partition computed twice")
			.containsOnly(1);
		assertTheTimesEqualTheReference(reference);
		// published: the latest travel-time run, seen the same through the other instance
		try (Connection c = sim.primary()) {
			var rs = c.createStatement().executeQuery("SELECT MAX(id) FROM travel_time_run");
			rs.next();
			assertThat(rs.getLong(1)).isEqualTo(progress.at("/run/travelTimeRun").asLong());
		}
		assertThat(sim.status(sim.instance2).at("/precompute/run/state").asString()).isEqualTo("published");
	}

	@Test
	@Order(7)
	void thePartitionedPrecomputeCompletesWithTheSameResultWhenAWorkerIsKilled() throws Exception {
		long reference;
		try (Connection c = sim.primary()) {
			reference = pairs(c, "cluster_reference_times");
		}
		sim.clearTravelTimes();
		String[] killed = new String[1];
		JsonNode progress = sim.distributedPrecompute(sim.instance1, Duration.ofMinutes(4), p -> {
			for (JsonNode partition : p.get("partitions")) {
				if (killed[0] == null && partition.get("state").asString().equals("running")
						&& partition.get("worker").asString().equals("proxima-2")) {
					killed[0] = partition.get("departement").asString();
					try {
						sim.control("kill", "2");
					}
					catch (Exception e) {
						throw new IllegalStateException(e);
					}
				}
			}
		});
		System.out.println("Distributed precompute with instance 2 killed while computing partition " + killed[0] + ": "
				+ progress.at("/run/seconds").asDouble() + " s, " + progress.get("workers"));
		assertThat(killed[0]).as("instance 2 was killed while it computed a partition").isNotNull();
		JsonNode partition = progress.get("partitions")
			.valueStream()
			.filter(p -> p.get("departement").asString().equals(killed[0]))
			.findFirst()
			.orElseThrow();
		assertThat(partition.get("worker").asString()).as("the dead worker's partition, done by the other")
			.isEqualTo("proxima-1");
		assertThat(partition.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
		assertTheTimesEqualTheReference(reference);
	}

	@Test
	@Order(8)
	void aKilledInstanceStartedAgainServesTheSameData() throws Exception {
		sim.control("start", "2");
		assertThat(sim.get(sim.instance2, "/api/offers/" + offerId).statusCode()).isEqualTo(200);
		assertThat(sim.status(sim.instance2).at("/precompute/run/state").asString()).isEqualTo("published");
		try (Connection c = sim.primary()) {
			c.createStatement().execute("DROP TABLE cluster_reference_times");
		}
	}

	/**
	 * Packed sorted and exact: equal bytes are equal pairs, times, distances and methods.
	 */
	private static final String TIME_COLUMNS = "offer_id, pairs, times";

	/** Row for row: the same pairs with the same times, distances and methods. */
	private static void assertTheTimesEqualTheReference(long reference) throws Exception {
		try (Connection c = sim.primary()) {
			assertThat(pairs(c, "offer_times")).isEqualTo(reference);
			var rs = c.createStatement()
				.executeQuery("SELECT (SELECT COUNT(*) FROM (SELECT " + TIME_COLUMNS
						+ " FROM cluster_reference_times EXCEPT ALL SELECT " + TIME_COLUMNS
						+ " FROM offer_times) a) + (SELECT COUNT(*) FROM (SELECT " + TIME_COLUMNS
						+ " FROM offer_times EXCEPT ALL SELECT " + TIME_COLUMNS + " FROM cluster_reference_times) b)");
			rs.next();
			assertThat(rs.getLong(1)).as("rows differing from the single-instance result").isZero();
		}
	}

	private static long pairs(Connection c, String table) throws Exception {
		var rs = c.createStatement().executeQuery("SELECT COALESCE(SUM(pairs), 0) FROM " + table);
		rs.next();
		return rs.getLong(1);
	}

	private static long count(Connection c, String table) throws Exception {
		var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table);
		rs.next();
		return rs.getLong(1);
	}

	@Test
	@Order(9)
	void aReadLoadKeepsAnsweringWhenOneInstanceIsKilled() throws Exception {
		int threads = 4;
		List<Long> failures = new ArrayList<>();
		Thread killer = new Thread(() -> {
			try {
				Thread.sleep(2000);
				sim.control("kill", "2");
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		killer.start();
		ClusterSimulation.Load load = sim.readLoad(sim.balancer, threads, Duration.ofSeconds(7), failures,
				ClusterSimulation.mixedReads(offerId));
		killer.join();
		System.out.println(
				"kill -9 of instance 2 under " + threads + " clients: " + load + ", failures at " + failures + " ms");
		assertThat(load.failed()).as("only requests in flight at the kill may fail").isLessThanOrEqualTo(threads);
		assertThat(failures).allMatch(ms -> ms >= 1900 && ms < 4000);
		assertThat(load.ok()).isGreaterThan(20);
		assertThat(sim.get(sim.balancer, "/api/departements").statusCode()).isEqualTo(200);
	}

	private static HttpRequest.Builder authorised(URI uri) {
		return HttpRequest.newBuilder(uri)
			.header("Authorization", "Bearer " + bearer)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10));
	}

	private static Connection replicaAsSuperuser() throws Exception {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + sim.replicaPort + "/proxima", "postgres",
				"");
	}

	private static long replicaReads(URI instance) throws Exception {
		return sim.status(instance).at("/reads/replicas/0/reads").asLong();
	}

	private static long fallbacks(URI instance) throws Exception {
		return sim.status(instance).at("/reads/primaryFallbacks").asLong();
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode() / 100).as(response.body()).isEqualTo(2);
		return ClusterSimulation.JSON.readTree(response.body());
	}

	private static String cookie(CookieManager cookies, String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

}
