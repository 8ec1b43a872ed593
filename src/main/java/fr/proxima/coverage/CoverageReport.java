package fr.proxima.coverage;

import java.util.List;

/**
 * Coverage of the reported communes by the offers of some families within T minutes.
 *
 * @param method network, estimate or mixed: how the times behind the figures were
 * obtained (see {@link Provenance})
 * @param estimated true unless the method is network
 * @param missingPopulation reported communes without census figures (counted as nobody,
 * never filled in)
 * @param unplaced census rows of the reported départements whose commune has no boundary
 * in the store (e.g. a commune that an older boundary file merged into another): nobody
 * can place them, so they are outside the totals, listed here
 * @param unlocatedOffers offers of the families without a location (e.g. a remote service
 * known by its zone only): no travel time can be computed for them, so they cover nothing
 * here
 * @param uncovered the uncovered communes, most uncovered 75+ first
 */
public record CoverageReport(CoverageQuery parameters, Totals totals, String method, boolean estimated,
		List<String> missingPopulation, List<Unplaced> unplaced, List<Offer> unlocatedOffers, List<Row> communes,
		List<Row> uncovered) {

	/** An offer by id and name. */
	public record Offer(long id, String name) {
	}

	/** Census figures of a commune code that has no boundary in the store. */
	public record Unplaced(String code, Integer population, Integer aged75Plus, Integer aged85Plus) {
	}

	/**
	 * One commune. {@code minutes} is the time to (or from, for services at home) the
	 * nearest offer, null when none is within the search horizon; {@code method} is how
	 * that time was obtained (the engine's method when there is none, see
	 * {@link Provenance}).
	 */
	public record Row(String code, String name, String departement, Double minutes, Long nearestOfferId,
			String nearestOfferName, boolean covered, Integer population, Integer aged75Plus, Integer aged85Plus,
			int coveredPopulation, int coveredAged75Plus, int coveredAged85Plus, String method) implements CommuneRow {
	}

	/**
	 * Covered + uncovered = total, for each band. Communes without figures count for
	 * nobody.
	 */
	public record Totals(int communes, int coveredCommunes, Tally population, Tally aged75Plus, Tally aged85Plus) {
	}

	public record Tally(long total, long covered, long uncovered, Double coveredPercent) {

		public static Tally of(long total, long covered) {
			return new Tally(total, covered, total - covered,
					total == 0 ? null : Math.round(covered * 1000.0 / total) / 10.0);
		}

	}

}
