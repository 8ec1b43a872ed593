package fr.proxima.tours;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import fr.proxima.routing.SnapStatus;
import fr.proxima.routing.TravelMethod;
import org.locationtech.jts.geom.LineString;

/**
 * A tour as computed on the road network (or the estimate, said in {@code method}): legs,
 * the schedule of each visit, lateness against the windows and totals. Only the owning
 * organisation's coordinators ever receive one.
 *
 * @param method {@code network} only when every leg is a network time
 * @param warnings visits answered by the estimate (off the graph or too far from a road)
 */
public record TourView(long id, long organisationId, LocalDate date, String caregiver, String departure, double[] start,
		double[] end, TravelMethod method, Totals totals, List<VisitView> visits, List<LegView> legs,
		List<String> warnings) {

	/**
	 * @param workingMinutes from departure to return (drive, care and waiting)
	 * @param driveShare drive minutes over drive and care minutes (waiting excluded)
	 */
	public record Totals(double driveMinutes, double driveKm, double careMinutes, double waitMinutes,
			double workingMinutes, double driveShare, double lateMinutes, int lateVisits, String returnAt) {
	}

	/**
	 * Times are minutes after midnight (decimals kept) and their "HH:MM" text.
	 */
	public record VisitView(int position, double lon, double lat, String communeCode, String windowFrom,
			String windowTo, int durationMinutes, CareType careType, double arrivalMinute, double startMinute,
			double endMinute, String arrival, String start, String end, double waitMinutes, double lateMinutes,
			SnapStatus snap, TravelMethod method) {
	}

	/**
	 * @param from "start" or the position of the visit left
	 * @param to the position of the visit reached, or "end"
	 */
	public record LegView(int index, String from, String to, double minutes, double km, TravelMethod method,
			@JsonIgnore LineString geometry) {
	}

}
