package fr.proxima.routing.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * What the stored times of {@code offer_times} were computed from (tables
 * {@code offer_time_source} and {@code commune_time_source}, V17): per offer the engine
 * key and its {@link Place#source()}, per commune its representative point. Kept in the
 * database so that an incremental refresh after a restart, or on another instance, knows
 * what changed. Written in the caller's transaction, with the rows they describe.
 */
public final class TimeSources {

	/** The stored source of one offer. */
	public record OfferSource(String engine, String place) {
	}

	private TimeSources() {
	}

	public static Map<Long, OfferSource> offers(JdbcTemplate jdbc) {
		Map<Long, OfferSource> sources = new HashMap<>();
		jdbc.query("SELECT offer_id, engine, place FROM offer_time_source", (RowCallbackHandler) rs -> sources
			.put(rs.getLong(1), new OfferSource(rs.getString(2), rs.getString(3))));
		return sources;
	}

	public static Map<String, String> communes(JdbcTemplate jdbc) {
		Map<String, String> sources = new HashMap<>();
		jdbc.query("SELECT commune_code, place FROM commune_time_source",
				(RowCallbackHandler) rs -> sources.put(rs.getString(1), rs.getString(2)));
		return sources;
	}

	/**
	 * Forgets the sources of these offers, then records those of the located ones among
	 * them ({@code located}: the offers as computed).
	 */
	public static void replaceOffers(JdbcTemplate jdbc, Collection<Long> ids, List<Place> located, String engine) {
		SqlChunks.updateIn(jdbc, "DELETE FROM offer_time_source WHERE offer_id IN", ids);
		SqlChunks.batch(jdbc, "INSERT INTO offer_time_source (offer_id, engine, place) VALUES (?, ?, ?)",
				located.stream().map(o -> new Object[] { Long.parseLong(o.key()), engine, o.source() }).toList());
	}

	/** Forgets the sources of these communes, then records those of {@code located}. */
	public static void replaceCommunes(JdbcTemplate jdbc, Collection<String> codes, List<Place> located) {
		SqlChunks.updateIn(jdbc, "DELETE FROM commune_time_source WHERE commune_code IN", codes);
		SqlChunks.batch(jdbc, "INSERT INTO commune_time_source (commune_code, place) VALUES (?, ?)",
				located.stream().map(c -> new Object[] { c.key(), c.source() }).toList());
	}

	/**
	 * After a full recompute: exactly these offers and communes. Only the sources that
	 * differ are written (a changed one is stamped again by the next run), so that a full
	 * refresh of an unchanged store writes almost nothing: H2's file grows by what a
	 * transaction writes (issue 10).
	 */
	public static void replaceAll(JdbcTemplate jdbc, List<Place> offers, List<Place> communes, String engine) {
		Map<Long, OfferSource> storedOffers = offers(jdbc);
		List<Object[]> offerUpdates = new ArrayList<>();
		List<Place> newOffers = new ArrayList<>();
		for (Place o : offers) {
			OfferSource old = storedOffers.remove(Long.parseLong(o.key()));
			if (old == null) {
				newOffers.add(o);
			}
			else if (!old.equals(new OfferSource(engine, o.source()))) {
				offerUpdates.add(new Object[] { engine, o.source(), Long.parseLong(o.key()) });
			}
		}
		replaceOffers(jdbc, storedOffers.keySet(), newOffers, engine);
		SqlChunks.batch(jdbc,
				"UPDATE offer_time_source SET engine = ?, place = ?, changed_run = NULL WHERE offer_id = ?",
				offerUpdates);
		Map<String, String> storedCommunes = communes(jdbc);
		List<Object[]> communeUpdates = new ArrayList<>();
		List<Place> newCommunes = new ArrayList<>();
		for (Place c : communes) {
			String old = storedCommunes.remove(c.key());
			if (old == null) {
				newCommunes.add(c);
			}
			else if (!old.equals(c.source())) {
				communeUpdates.add(new Object[] { c.source(), c.key() });
			}
		}
		replaceCommunes(jdbc, storedCommunes.keySet(), newCommunes);
		SqlChunks.batch(jdbc, "UPDATE commune_time_source SET place = ?, changed_run = NULL WHERE commune_code = ?",
				communeUpdates);
	}

}
