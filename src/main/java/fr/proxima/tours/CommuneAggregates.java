package fr.proxima.tours;

import java.util.List;

/**
 * Tour figures per commune for planners and the public, after suppression: a suppressed
 * commune has {@code suppressed = true} and null figures.
 *
 * @param from first day of the period (first day of its month)
 * @param to last day of the period (last day of its month)
 * @param minCellVisits the suppression threshold
 * @param total the whole table (null figures when it holds fewer than the threshold)
 */
public record CommuneAggregates(List<String> departements, String from, String to, int minCellVisits, Cell total,
		List<Cell> communes) {

	/**
	 * @param driveShare drive minutes over drive plus care minutes
	 */
	public record Cell(String code, String name, boolean suppressed, Long visits, Double driveMinutes,
			Double driveShare, Long tours) {
	}

}
