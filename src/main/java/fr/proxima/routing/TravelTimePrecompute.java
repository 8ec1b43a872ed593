package fr.proxima.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import jakarta.annotation.PreDestroy;

import fr.proxima.routing.internal.TimeTableWriter;
import fr.proxima.shared.Geo;
import fr.proxima.shared.OffersChanged;
import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills {@code offer_commune_time}: for every located offer, the travel times to and from
 * the representative point of every commune within the cutoff
 * ({@code proxima.routing.precompute-cutoff-minutes}), with one tree per offer and
 * direction (or the estimate per point). Communes are prefiltered by the straight-line
 * radius reachable within the cutoff, so not all pairs are timed. Each fill records a
 * {@code travel_time_run} with the graph and offers fingerprints;
 * {@link #refreshIfStale()} recomputes only when one of them (or the cutoff) changed.
 */
@Service
public class TravelTimePrecompute {

	private static final Logger log = LoggerFactory.getLogger(TravelTimePrecompute.class);

	private static final int BATCH = 2000;

	private final TravelTimeEngine engine;

	private final RoutingSettings settings;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	/** One refresh at a time, off the request and startup threads. */
	private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "travel-time-refresh");
		t.setDaemon(true);
		return t;
	});

	public TravelTimePrecompute(TravelTimeEngine engine, RoutingSettings settings, JdbcTemplate jdbc,
			TransactionTemplate tx) {
		this.engine = engine;
		this.settings = settings;
		this.jdbc = jdbc;
		this.tx = tx;
	}

	private record Located(String key, double lon, double lat) {

		Point point() {
			return Geo.point(lon, lat);
		}

	}

	/**
	 * After a change of offers (another module publishes {@link OffersChanged} once it is
	 * committed), recomputes in the background when {@code proxima.routing.auto-refresh}
	 * is on. Until the new run commits, readers see the previous table.
	 */
	@EventListener
	public void onOffersChanged(OffersChanged event) {
		if (settings.autoRefresh()) {
			log.info("Offers changed ({}): refreshing offer × commune travel times in the background", event.source());
			background.execute(this::refreshIfStaleLogged);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStartup() {
		if (settings.autoRefresh()) {
			background.execute(this::refreshIfStaleLogged);
		}
	}

	@PreDestroy
	void stopBackgroundRefresh() {
		background.shutdownNow();
	}

	private void refreshIfStaleLogged() {
		try {
			refreshIfStale();
		}
		catch (RuntimeException e) {
			log.error("Background refresh of offer × commune travel times failed; the previous table is kept", e);
		}
	}

	/** The latest run, if any. */
	public Optional<TravelTimeRun> latestRun() {
		return jdbc
			.query("SELECT * FROM travel_time_run ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
					(rs, i) -> new TravelTimeRun(rs.getLong("id"), rs.getString("graph_fingerprint"),
							rs.getString("offers_fingerprint"), rs.getInt("cutoff_seconds"), rs.getInt("pairs"),
							rs.getObject("started_at", OffsetDateTime.class),
							rs.getObject("finished_at", OffsetDateTime.class)))
			.stream()
			.findFirst();
	}

	/**
	 * Recomputes when the graph, the offers, the communes or the cutoff changed since the
	 * latest run; does nothing when there are no located offers and no run yet.
	 * @return the new run, or empty when nothing changed
	 */
	public synchronized Optional<TravelTimeRun> refreshIfStale() {
		List<Located> offers = offers();
		List<Located> communes = communes();
		String offersFingerprint = fingerprint(offers, communes);
		Optional<TravelTimeRun> latest = latestRun();
		boolean fresh = latest
			.map(r -> r.graphFingerprint().equals(engine.graphFingerprint())
					&& r.offersFingerprint().equals(offersFingerprint) && r.cutoffSeconds() == cutoffSeconds())
			.orElse(offers.isEmpty());
		if (fresh) {
			log.info("Offer × commune travel times are up to date");
			return Optional.empty();
		}
		return Optional.of(compute(offers, communes, offersFingerprint));
	}

	/**
	 * Recomputes every offer × commune time now (called by the admin endpoint and after
	 * imports).
	 */
	public synchronized TravelTimeRun refresh() {
		List<Located> offers = offers();
		List<Located> communes = communes();
		return compute(offers, communes, fingerprint(offers, communes));
	}

	private TravelTimeRun compute(List<Located> offers, List<Located> communes, String offersFingerprint) {
		OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
		long t0 = System.nanoTime();
		double cutoff = cutoffSeconds();
		double radius = engine.reachRadiusMetres(cutoff, null);
		log.info("Computing offer × commune travel times: {} offers, {} communes, cutoff {} min, radius {} km, {}",
				offers.size(), communes.size(), settings.precomputeCutoffMinutes(), Math.round(radius / 1000),
				engine.method().code());
		CommuneGrid grid = new CommuneGrid(communes, radius);
		AtomicInteger done = new AtomicInteger();
		AtomicLong lastLog = new AtomicLong(t0);
		// the offers share the machine's cores; rows keep the offers' order
		List<Object[]> rows = IntStream.range(0, offers.size()).parallel().mapToObj(i -> {
			List<Object[]> offerRows = rowsOf(offers.get(i), grid, radius, cutoff);
			long now = System.nanoTime();
			long last = lastLog.get();
			if (now - last > 10_000_000_000L && lastLog.compareAndSet(last, now)) {
				log.info("Offer × commune travel times: {}/{} offers", done.get(), offers.size());
			}
			done.incrementAndGet();
			return offerRows;
		}).flatMap(List::stream).toList();
		long computed = System.nanoTime();
		TravelTimeRun run = tx.execute(status -> {
			// only the pairs that changed are written (issue 10: H2's file stays bounded)
			TimeTableWriter.Changes changes = TimeTableWriter.replace(jdbc, rows, BATCH);
			log.info("Offer × commune travel times: {} pairs inserted, {} updated, {} deleted", changes.inserted(),
					changes.updated(), changes.deleted());
			OffsetDateTime finished = OffsetDateTime.now(ZoneOffset.UTC);
			jdbc.update(
					"INSERT INTO travel_time_run (graph_fingerprint, offers_fingerprint, cutoff_seconds, pairs,"
							+ " started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?)",
					engine.graphFingerprint(), offersFingerprint, (int) cutoff, rows.size(), started, finished);
			return latestRun().orElseThrow();
		});
		log.info("Offer × commune travel times done: {} pairs for {} offers in {} (times {}, store {})", rows.size(),
				offers.size(), Duration.ofNanos(System.nanoTime() - t0), Duration.ofNanos(computed - t0),
				Duration.ofNanos(System.nanoTime() - computed));
		return run;
	}

	/** The rows of one offer: its times to and from the communes within reach. */
	private List<Object[]> rowsOf(Located offer, CommuneGrid grid, double radius, double cutoff) {
		List<Located> near = grid.within(offer, radius);
		if (near.isEmpty()) {
			return List.of();
		}
		Point source = offer.point();
		List<Point> targets = near.stream().map(Located::point).toList();
		List<Leg> out = engine.oneToMany(source, targets, cutoff, false);
		List<Leg> in = engine.oneToMany(source, targets, cutoff, true);
		List<Object[]> rows = new ArrayList<>();
		for (int j = 0; j < near.size(); j++) {
			Leg o = out.get(j);
			Leg b = in.get(j);
			if (o.reachable() || b.reachable()) {
				Leg any = o.reachable() ? o : b;
				boolean network = o.method() == TravelMethod.NETWORK && b.method() == TravelMethod.NETWORK;
				rows.add(new Object[] { Long.parseLong(offer.key()), near.get(j).key(), seconds(o), seconds(b),
						(float) any.metres(), (network ? TravelMethod.NETWORK : TravelMethod.ESTIMATE).code() });
			}
		}
		return rows;
	}

	private int cutoffSeconds() {
		return settings.precomputeCutoffMinutes() * 60;
	}

	private static Float seconds(Leg leg) {
		return leg.reachable() ? (float) leg.seconds() : null;
	}

	private List<Located> offers() {
		return jdbc.query(
				"SELECT id, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM offer WHERE geom IS NOT NULL ORDER BY id",
				(rs, i) -> new Located(Long.toString(rs.getLong("id")), rs.getDouble("lon"), rs.getDouble("lat")));
	}

	private List<Located> communes() {
		return jdbc.query("SELECT code, ST_X(rep_point) AS lon, ST_Y(rep_point) AS lat FROM commune ORDER BY code",
				(rs, i) -> new Located(rs.getString("code"), rs.getDouble("lon"), rs.getDouble("lat")));
	}

	/**
	 * A hash of every located offer and commune representative point: any change of them
	 * changes it.
	 */
	static String fingerprint(List<Located> offers, List<Located> communes) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (List<Located> list : List.of(offers, communes)) {
				for (Located l : list) {
					digest.update((l.key() + ":" + l.lon() + ":" + l.lat() + ";").getBytes(StandardCharsets.UTF_8));
				}
				digest.update((byte) '|');
			}
			return "offers=" + offers.size() + ";communes=" + communes.size() + ";sha256="
					+ HexFormat.of().formatHex(digest.digest()).substring(0, 40);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Communes bucketed in cells of about the prefilter radius, for the straight-line
	 * prefilter.
	 */
	private static final class CommuneGrid {

		private final double cellDegrees;

		private final java.util.Map<Long, List<Located>> cells = new java.util.HashMap<>();

		CommuneGrid(List<Located> communes, double radiusMetres) {
			this.cellDegrees = Math.max(0.01, Math.toDegrees(radiusMetres / 6_371_008.8));
			for (Located c : communes) {
				cells.computeIfAbsent(key(cell(c.lon()), cell(c.lat())), k -> new ArrayList<>()).add(c);
			}
		}

		List<Located> within(Located center, double radiusMetres) {
			double dLat = Math.toDegrees(radiusMetres / 6_371_008.8);
			double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(center.lat())));
			List<Located> found = new ArrayList<>();
			for (long x = cell(center.lon() - dLon); x <= cell(center.lon() + dLon); x++) {
				for (long y = cell(center.lat() - dLat); y <= cell(center.lat() + dLat); y++) {
					for (Located c : cells.getOrDefault(key(x, y), List.of())) {
						if (Geo.haversineMetres(center.lon(), center.lat(), c.lon(), c.lat()) <= radiusMetres) {
							found.add(c);
						}
					}
				}
			}
			return found;
		}

		private long cell(double degrees) {
			return (long) Math.floor(degrees / cellDegrees);
		}

		private static long key(long x, long y) {
			return (x << 32) ^ (y & 0xffffffffL);
		}

	}

}
