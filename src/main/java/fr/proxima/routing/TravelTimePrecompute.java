package fr.proxima.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import fr.proxima.routing.internal.Place;
import fr.proxima.routing.internal.SqlChunks;
import fr.proxima.routing.internal.TimeRow;
import fr.proxima.routing.internal.TimeSources;
import fr.proxima.routing.internal.TimeTableWriter;
import fr.proxima.routing.internal.TimeTableWriter.Scope;
import fr.proxima.shared.OffersChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills {@code offer_times}: for every located offer, the travel times to and from the
 * representative point of every commune within the cutoff
 * ({@code proxima.routing.precompute-cutoff-minutes}), with one tree per offer and
 * direction (or the estimate per point); communes are prefiltered by the straight-line
 * radius reachable within the cutoff ({@link OfferRows}).
 * <p>
 * Incremental (issue 15, docs/travel-times.md): what each offer's rows were computed from
 * (the engine key — graph, estimate settings, cutoff — and the offer's position and
 * family) and each commune's representative point are kept in {@code offer_time_source}
 * and {@code commune_time_source}. {@link #refreshIfStale()} recomputes only the offers
 * whose source changed, the columns of new or moved communes, and removes the rows of
 * removed offers and communes; a new engine key recomputes everything. Every write is one
 * transaction (one packed row per changed offer, {@link PackedTimes}) ending with a new
 * {@code travel_time_run} that makes the coverage caches of every instance reload the
 * table.
 */
@Service
public class TravelTimePrecompute {

	private static final Logger log = LoggerFactory.getLogger(TravelTimePrecompute.class);

	private final TravelTimeEngine engine;

	private final RoutingSettings settings;

	private final EstimateSettings estimate;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private volatile TravelTimeRefresh lastRefresh;

	/** One refresh at a time, off the request and startup threads. */
	/** Offers computed and written at a time by a full refresh. */
	private static final int CHUNK_OFFERS = 2_000;

	private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "travel-time-refresh");
		t.setDaemon(true);
		return t;
	});

	public TravelTimePrecompute(TravelTimeEngine engine, RoutingSettings settings, EstimateSettings estimate,
			JdbcTemplate jdbc, TransactionTemplate tx) {
		this.engine = engine;
		this.settings = settings;
		this.estimate = estimate;
		this.jdbc = jdbc;
		this.tx = tx;
	}

	/**
	 * After a change of offers (another module publishes {@link OffersChanged} once it is
	 * committed), refreshes in the background when {@code proxima.routing.auto-refresh}
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
		return runs("ORDER BY id DESC FETCH FIRST 1 ROWS ONLY").stream().findFirst();
	}

	private List<TravelTimeRun> runs(String where, Object... args) {
		return jdbc.query("SELECT * FROM travel_time_run " + where,
				(rs, i) -> new TravelTimeRun(rs.getLong("id"), rs.getString("graph_fingerprint"),
						rs.getString("offers_fingerprint"), rs.getInt("cutoff_seconds"), rs.getInt("pairs"),
						rs.getObject("started_at", OffsetDateTime.class),
						rs.getObject("finished_at", OffsetDateTime.class)),
				args);
	}

	/** What the latest refresh of this instance did, if any. */
	public Optional<TravelTimeRefresh> lastRefresh() {
		return Optional.ofNullable(lastRefresh);
	}

	/**
	 * Recomputes what changed since the rows were stored: the offers whose position or
	 * family changed (every offer when the graph, the estimate settings or the cutoff
	 * changed, or when no run exists yet), the columns of new or moved communes; removes
	 * the rows of removed or unlocated offers and removed communes. Does nothing when
	 * there are no located offers and no run yet.
	 * @return the new run, or empty when nothing changed
	 */
	public synchronized Optional<TravelTimeRun> refreshIfStale() {
		Inputs now = inputs();
		if (latestRun().isEmpty()) {
			return now.offers().isEmpty() ? Optional.empty() : Optional.of(full(now));
		}
		String engineKey = engineKey();
		Map<Long, TimeSources.OfferSource> stored = TimeSources.offers(jdbc);
		List<Place> changed = now.offers()
			.stream()
			.filter(o -> !new TimeSources.OfferSource(engineKey, o.source()).equals(stored.get(id(o))))
			.toList();
		if (!changed.isEmpty() && changed.size() == now.offers().size()) {
			return Optional.of(full(now));
		}
		Set<Long> gone = new HashSet<>(stored.keySet());
		now.offers().forEach(o -> gone.remove(id(o)));
		Map<String, String> storedCommunes = TimeSources.communes(jdbc);
		List<Place> moved = now.communes()
			.stream()
			.filter(c -> !c.source().equals(storedCommunes.get(c.key())))
			.toList();
		Set<String> goneCommunes = new HashSet<>(storedCommunes.keySet());
		now.communes().forEach(c -> goneCommunes.remove(c.key()));
		if (changed.isEmpty() && gone.isEmpty() && moved.isEmpty() && goneCommunes.isEmpty()) {
			log.info("Offer × commune travel times are up to date");
			return Optional.empty();
		}
		return Optional.of(incremental(now, changed, gone, moved, goneCommunes));
	}

	/**
	 * Recomputes every offer × commune time now (the admin endpoint); the incremental
	 * {@link #refreshIfStale()} is what changes of offers trigger.
	 */
	public synchronized TravelTimeRun refresh() {
		return full(inputs());
	}

	/**
	 * Computes the rows of exactly these offers against every commune (bounded by the
	 * cutoff as always) and replaces exactly these offers' rows and sources in one
	 * transaction; ids that are no longer located offers lose their rows. Idempotent.
	 * Publishes no run: call {@link #publishRun()} once a set of such calls is done (the
	 * partitioned national precompute of the {@code cluster} module).
	 * @return the number of rows written
	 */
	public synchronized int recomputeOffers(Collection<Long> offerIds) {
		Set<Long> ids = new LinkedHashSet<>(offerIds);
		List<Place> offers = new ArrayList<>();
		SqlChunks.forEachIn(ids, (in, keys) -> offers
			.addAll(jdbc.query(OFFERS.replace("WHERE", "WHERE id IN " + in + " AND"), OFFER, keys)));
		OfferRows compute = new OfferRows(engine, cutoffSeconds());
		List<TimeRow> rows = compute.of(offers, communes());
		tx.executeWithoutResult(status -> store(ids, offers, Set.of(), List.of(), rows, engineKey()));
		return rows.size();
	}

	/**
	 * Records the current table as the latest run (with the fingerprint of the offers and
	 * communes as they are now), which makes the coverage caches of every instance reload
	 * the precomputed times, as at the end of every refresh.
	 */
	public synchronized TravelTimeRun publishRun() {
		OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
		Inputs now = inputs();
		return tx.execute(status -> record(started, now, true));
	}

	private TravelTimeRun full(Inputs now) {
		OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
		long t0 = System.nanoTime();
		OfferRows compute = new OfferRows(engine, cutoffSeconds());
		log.info("Computing offer × commune travel times: {} offers, {} communes, cutoff {} min, radius {} km, {}",
				now.offers().size(), now.communes().size(), settings.precomputeCutoffMinutes(),
				Math.round(compute.radiusMetres() / 1000), engine.method().code());
		String engineKey = engineKey();
		long[] pairs = new long[1];
		long[] writing = new long[1];
		int[] changes = new int[3];
		// computed and written a chunk of offers at a time, in one transaction
		TravelTimeRun run = tx.execute(status -> {
			Set<Long> stored = new HashSet<>(jdbc.queryForList("SELECT offer_id FROM offer_times", Long.class));
			compute.inChunks(now.offers(), now.communes(), CHUNK_OFFERS, (offers, rows) -> {
				long w = System.nanoTime();
				List<Long> ids = offers.stream().map(TravelTimePrecompute::id).toList();
				count(changes, TimeTableWriter.replace(jdbc, Scope.of(ids, Set.of()), rows));
				ids.forEach(stored::remove);
				pairs[0] += rows.size();
				writing[0] += System.nanoTime() - w;
			});
			long w = System.nanoTime();
			// offers stored before but no longer located
			count(changes, TimeTableWriter.replace(jdbc, Scope.of(stored, Set.of()), List.of()));
			log.info("Offer × commune travel times: {} offers' rows inserted, {} updated, {} deleted", changes[0],
					changes[1], changes[2]);
			TimeSources.replaceAll(jdbc, now.offers(), now.communes(), engineKey);
			TravelTimeRun recorded = record(started, now, false);
			writing[0] += System.nanoTime() - w;
			return recorded;
		});
		long total = System.nanoTime() - t0;
		done(new TravelTimeRefresh(true, now.offers().size(), 0, now.communes().size(), 0, compute.timed(),
				(int) pairs[0], millis(total - writing[0]), millis(writing[0])));
		return run;
	}

	private static void count(int[] changes, TimeTableWriter.Changes c) {
		changes[0] += c.inserted();
		changes[1] += c.updated();
		changes[2] += c.deleted();
	}

	private TravelTimeRun incremental(Inputs now, List<Place> changed, Set<Long> gone, List<Place> moved,
			Set<String> goneCommunes) {
		OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
		long t0 = System.nanoTime();
		OfferRows compute = new OfferRows(engine, cutoffSeconds());
		List<TimeRow> rows = new ArrayList<>(compute.of(changed, now.communes()));
		Set<Long> offerScope = new HashSet<>(gone);
		changed.forEach(o -> offerScope.add(id(o)));
		// the other offers gain or lose only the new or moved communes' columns
		rows.addAll(compute.of(now.offers().stream().filter(o -> !offerScope.contains(id(o))).toList(), moved));
		Set<String> communeScope = new HashSet<>(goneCommunes);
		moved.forEach(c -> communeScope.add(c.key()));
		long computed = System.nanoTime();
		String engineKey = engineKey();
		TravelTimeRun run = tx.execute(status -> {
			store(offerScope, changed, communeScope, moved, rows, engineKey);
			return record(started, now, true);
		});
		TravelTimeRefresh refresh = new TravelTimeRefresh(false, changed.size(), gone.size(), moved.size(),
				goneCommunes.size(), compute.timed(), rows.size(), millis(computed - t0),
				millis(System.nanoTime() - computed));
		log.info("Offer × commune travel times refreshed: {}", refresh);
		done(refresh);
		return run;
	}

	/**
	 * Replaces the rows of these offers and communes and their sources (inside the
	 * caller's transaction).
	 */
	private TimeTableWriter.Changes store(Set<Long> offerIds, List<Place> offers, Set<String> communeCodes,
			List<Place> communes, List<TimeRow> rows, String engineKey) {
		TimeTableWriter.Changes changes = TimeTableWriter.replace(jdbc, Scope.of(offerIds, communeCodes), rows);
		TimeSources.replaceOffers(jdbc, offerIds, offers, engineKey);
		TimeSources.replaceCommunes(jdbc, communeCodes, communes);
		return changes;
	}

	/**
	 * Inserts the run and stamps the sources written since the previous one with it;
	 * {@code incremental}: every change since the latest run is in the sources, so that
	 * caches holding it may reload only those.
	 */
	private TravelTimeRun record(OffsetDateTime started, Inputs now, boolean incremental) {
		Integer pairs = jdbc.queryForObject("SELECT COALESCE(SUM(pairs), 0) FROM offer_times", Integer.class);
		Long basedOn = incremental ? latestRun().map(TravelTimeRun::id).orElse(null) : null;
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(con -> {
			PreparedStatement insert = con.prepareStatement(
					"INSERT INTO travel_time_run (graph_fingerprint, offers_fingerprint, cutoff_seconds, pairs,"
							+ " started_at, finished_at, based_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
					Statement.RETURN_GENERATED_KEYS);
			insert.setString(1, engine.graphFingerprint());
			insert.setString(2, fingerprint(now.offers(), now.communes()));
			insert.setInt(3, cutoffSeconds());
			insert.setInt(4, pairs);
			insert.setObject(5, started);
			insert.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
			insert.setObject(7, basedOn, Types.BIGINT);
			return insert;
		}, key);
		long id = key.getKeyList()
			.stream()
			.flatMap(k -> k.entrySet().stream())
			.filter(e -> e.getKey().equalsIgnoreCase("id"))
			.map(e -> ((Number) e.getValue()).longValue())
			.findFirst()
			.orElseThrow();
		jdbc.update("UPDATE offer_time_source SET changed_run = ? WHERE changed_run IS NULL", id);
		jdbc.update("UPDATE commune_time_source SET changed_run = ? WHERE changed_run IS NULL", id);
		return runs("WHERE id = ?", id).get(0);
	}

	private void done(TravelTimeRefresh refresh) {
		lastRefresh = refresh;
	}

	private static long millis(long nanos) {
		return nanos / 1_000_000;
	}

	private int cutoffSeconds() {
		return settings.precomputeCutoffMinutes() * 60;
	}

	/**
	 * What every row depends on besides the offer and the commune: the graph, the
	 * estimate settings, the cutoff and the prefilter radius.
	 */
	String engineKey() {
		return sha256(engine.graphFingerprint() + "|" + estimate + "|cutoff=" + cutoffSeconds() + "|radius="
				+ engine.reachRadiusMetres(cutoffSeconds(), null));
	}

	private record Inputs(List<Place> offers, List<Place> communes) {
	}

	private static final String OFFERS = "SELECT id, ST_X(geom) AS lon, ST_Y(geom) AS lat, family FROM offer"
			+ " WHERE geom IS NOT NULL ORDER BY id";

	private static final RowMapper<Place> OFFER = (rs, i) -> new Place(Long.toString(rs.getLong("id")),
			rs.getDouble("lon"), rs.getDouble("lat"), rs.getString("family"));

	private Inputs inputs() {
		return new Inputs(jdbc.query(OFFERS, OFFER), communes());
	}

	private List<Place> communes() {
		return jdbc.query("SELECT code, ST_X(rep_point) AS lon, ST_Y(rep_point) AS lat FROM commune ORDER BY code",
				(rs, i) -> new Place(rs.getString("code"), rs.getDouble("lon"), rs.getDouble("lat"), null));
	}

	private static long id(Place offer) {
		return Long.parseLong(offer.key());
	}

	/**
	 * A hash of every located offer (position and family) and commune representative
	 * point: any change of them changes it.
	 */
	static String fingerprint(List<Place> offers, List<Place> communes) {
		StringBuilder all = new StringBuilder();
		for (List<Place> list : List.of(offers, communes)) {
			list.forEach(p -> all.append(p.key()).append(':').append(p.source()).append(';'));
			all.append('|');
		}
		return "offers=" + offers.size() + ";communes=" + communes.size() + ";sha256="
				+ sha256(all.toString()).substring(0, 40);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
