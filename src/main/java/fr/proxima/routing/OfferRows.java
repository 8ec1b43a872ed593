package fr.proxima.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import fr.proxima.routing.internal.CommuneGrid;
import fr.proxima.routing.internal.Place;
import fr.proxima.routing.internal.TimeRow;
import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the pairs stored in {@code offer_times}: for each offer, the times to and from
 * the communes of a grid within the straight-line radius reachable within the cutoff,
 * with one tree per offer and direction (or the estimate per point). The same code path
 * serves the full precompute, the incremental refresh and
 * {@link TravelTimePrecompute#recomputeOffers}.
 */
final class OfferRows {

	private static final Logger log = LoggerFactory.getLogger(OfferRows.class);

	private final TravelTimeEngine engine;

	private final double cutoffSeconds;

	private final double radiusMetres;

	/** Without a graph: the estimate, computed here from the grid's distances. */
	private final EstimateTravelTimes estimates;

	/** Offers the engine was asked about (some commune of the grid within reach). */
	private final AtomicInteger timed = new AtomicInteger();

	OfferRows(TravelTimeEngine engine, double cutoffSeconds) {
		this.engine = engine;
		this.cutoffSeconds = cutoffSeconds;
		this.radiusMetres = engine.reachRadiusMetres(cutoffSeconds, null);
		this.estimates = engine.estimatesOnly();
	}

	double radiusMetres() {
		return radiusMetres;
	}

	int timed() {
		return timed.get();
	}

	/** The rows of these offers against the communes, in the offers' order. */
	List<TimeRow> of(List<Place> offers, List<Place> communes) {
		List<TimeRow> rows = new ArrayList<>();
		inChunks(offers, communes, Integer.MAX_VALUE, (part, partRows) -> rows.addAll(partRows));
		return rows;
	}

	/**
	 * The same rows handed over {@code chunk} offers at a time (with those offers), so
	 * that only one chunk's rows are held at once (the pairs of France are 28.6 million,
	 * issue 15); progress is logged across the whole list.
	 */
	void inChunks(List<Place> offers, List<Place> communes, int chunk, BiConsumer<List<Place>, List<TimeRow>> sink) {
		if (offers.isEmpty() || communes.isEmpty()) {
			return;
		}
		CommuneGrid grid = new CommuneGrid(communes, radiusMetres);
		AtomicInteger done = new AtomicInteger();
		AtomicLong lastLog = new AtomicLong(System.nanoTime());
		for (int from = 0; from < offers.size(); from += chunk) {
			List<Place> part = offers.subList(from, (int) Math.min(offers.size(), (long) from + chunk));
			// the offers share the machine's cores; rows keep the offers' order
			sink.accept(part, IntStream.range(0, part.size()).parallel().mapToObj(i -> {
				List<TimeRow> offerRows = rowsOf(part.get(i), grid);
				long now = System.nanoTime();
				long last = lastLog.get();
				if (now - last > 10_000_000_000L && lastLog.compareAndSet(last, now)) {
					log.info("Offer × commune travel times: {}/{} offers", done.get(), offers.size());
				}
				done.incrementAndGet();
				return offerRows;
			}).flatMap(List::stream).toList());
		}
	}

	/** The rows of one offer: its times to and from the communes within reach. */
	private List<TimeRow> rowsOf(Place offer, CommuneGrid grid) {
		if (estimates != null) {
			return estimatedRowsOf(offer, grid);
		}
		List<Place> near = grid.within(offer, radiusMetres);
		if (near.isEmpty()) {
			return List.of();
		}
		timed.incrementAndGet();
		Point source = offer.point();
		List<Point> targets = near.stream().map(Place::point).toList();
		List<Leg> out = engine.oneToMany(source, targets, cutoffSeconds, false);
		List<Leg> in = engine.oneToMany(source, targets, cutoffSeconds, true);
		List<TimeRow> rows = new ArrayList<>();
		long id = Long.parseLong(offer.key());
		for (int j = 0; j < near.size(); j++) {
			Leg o = out.get(j);
			Leg b = in.get(j);
			if (o.reachable() || b.reachable()) {
				Leg any = o.reachable() ? o : b;
				boolean network = o.method() == TravelMethod.NETWORK && b.method() == TravelMethod.NETWORK;
				rows.add(new TimeRow(id, near.get(j).key(), seconds(o), seconds(b), (float) any.metres(),
						(network ? TravelMethod.NETWORK : TravelMethod.ESTIMATE).code()));
			}
		}
		return rows;
	}

	/**
	 * Without a graph (issue 15): the engine would answer the same estimate for every
	 * pair, both ways; computed from the grid's straight-line distance, once per pair,
	 * without building points and legs for the engine (9 s of the 924,051 pairs of Lozère
	 * + neighbours under load).
	 */
	private List<TimeRow> estimatedRowsOf(Place offer, CommuneGrid grid) {
		List<TimeRow> rows = new ArrayList<>();
		long id = Long.parseLong(offer.key());
		String method = TravelMethod.ESTIMATE.code();
		boolean[] any = new boolean[1];
		grid.forEachWithin(offer, radiusMetres, (commune, metres) -> {
			any[0] = true;
			Leg leg = estimates.leg(metres);
			if (leg.seconds() <= cutoffSeconds) {
				Float seconds = (float) leg.seconds();
				rows.add(new TimeRow(id, commune.key(), seconds, seconds, (float) leg.metres(), method));
			}
		});
		if (any[0]) {
			timed.incrementAndGet();
		}
		return rows;
	}

	private static Float seconds(Leg leg) {
		return leg.reachable() ? (float) leg.seconds() : null;
	}

}
