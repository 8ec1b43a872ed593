package fr.proxima.tours.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import fr.proxima.shared.InvalidInputException;
import fr.proxima.tours.CareType;
import fr.proxima.tours.Tour;
import fr.proxima.tours.TourInput;
import fr.proxima.tours.TourInputException;
import fr.proxima.tours.TourInputException.Fault;
import fr.proxima.tours.ToursSettings;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Turns client input into a {@link Tour}, or collects every fault: the caregiver
 * pseudonym (no e-mail, no phone number), times, windows, durations, care types, points
 * inside the configured départements, the visit limit.
 */
@Component
public class TourChecks {

	/** Letters, digits, spaces and . _ ' - : a pseudonym such as "IDE-3" or "aide 2". */
	private static final Pattern PSEUDONYM = Pattern.compile("[\\p{L}\\p{N} ._'-]{1,40}");

	private static final Pattern DIGITS = Pattern.compile("\\D");

	private static final int DAY = 24 * 60;

	private final TourStore store;

	private final ToursSettings settings;

	public TourChecks(TourStore store, ToursSettings settings) {
		this.store = store;
		this.settings = settings;
	}

	/** The checked tour, or a 422 (413 over the visit limit) listing every fault. */
	public Tour tour(long organisationId, TourInput in, Integer firstLine) {
		List<Fault> faults = new ArrayList<>();
		Tour t = tour(organisationId, in, firstLine, faults);
		if (!faults.isEmpty()) {
			boolean tooMany = faults.stream().anyMatch(f -> f.field().equals("visits") && f.line() == null);
			throw new TourInputException(tooMany ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT,
					faults);
		}
		return t;
	}

	/** The checked tour; faults are added to {@code faults} (then the tour is null). */
	public Tour tour(long organisationId, TourInput in, Integer firstLine, List<Fault> faults) {
		int before = faults.size();
		Integer head = firstLine;
		if (in.date() == null) {
			faults.add(new Fault(head, "date", "a date (YYYY-MM-DD) is required"));
		}
		String caregiver = in.caregiver() == null ? "" : in.caregiver().trim();
		String wrong = pseudonymFault(caregiver);
		if (wrong != null) {
			faults.add(new Fault(head, "caregiver", wrong));
		}
		int departure = in.departure() == null || in.departure().isBlank() ? 8 * 60 : Clock.parse(in.departure());
		if (departure < 0) {
			faults.add(new Fault(head, "departure", "'" + in.departure() + "' is not a time HH:MM"));
		}
		double[] start = point(in.start(), head, "start", faults);
		double[] end = point(in.end(), head, "end", faults);
		if (start == null && in.start() == null) {
			Optional<double[]> premises = store.premises(organisationId);
			if (premises.isEmpty()) {
				faults.add(new Fault(head, "start", "the organisation has no located premises: give a start point"));
			}
			start = premises.orElse(null);
		}
		if (end == null && in.end() == null) {
			end = start;
		}
		List<TourInput.VisitInput> visits = in.visits() == null ? List.of() : in.visits();
		if (visits.size() > settings.maxVisitsPerTour()) {
			faults.add(new Fault(null, "visits", visits.size() + " visits exceed the limit of "
					+ settings.maxVisitsPerTour() + " per tour (proxima.tours.max-visits-per-tour)"));
			return null;
		}
		List<Tour.Visit> checked = new ArrayList<>();
		for (int i = 0; i < visits.size(); i++) {
			Tour.Visit v = visit(visits.get(i), firstLine == null ? Integer.valueOf(i) : firstLine + i, departure,
					faults);
			if (v != null) {
				checked.add(v);
			}
		}
		if (faults.size() > before) {
			return null;
		}
		return new Tour(null, organisationId, in.date(), caregiver, departure, start[0], start[1], end[0], end[1],
				checked);
	}

	/** Why a caregiver label is refused, or null when it is an acceptable pseudonym. */
	public static String pseudonymFault(String caregiver) {
		if (caregiver.isEmpty()) {
			return "a caregiver pseudonym is required";
		}
		if (caregiver.contains("@")) {
			return "looks like an e-mail address: give a pseudonym, never a person's contact";
		}
		if (DIGITS.matcher(caregiver).replaceAll("").length() >= 6) {
			return "looks like a phone number: give a pseudonym such as IDE-3";
		}
		if (!PSEUDONYM.matcher(caregiver).matches()) {
			return "a pseudonym has 1 to 40 letters, digits, spaces or . _ ' -";
		}
		return null;
	}

	private Tour.Visit visit(TourInput.VisitInput v, Integer line, int departure, List<Fault> faults) {
		int before = faults.size();
		if (v.lon() == null || v.lat() == null) {
			faults.add(new Fault(line, "lon,lat", "a visit needs its point"));
		}
		int from = Clock.parse(v.from());
		int to = Clock.parse(v.to());
		if (from < 0) {
			faults.add(new Fault(line, "from", "'" + v.from() + "' is not a time HH:MM"));
		}
		if (to < 0) {
			faults.add(new Fault(line, "to", "'" + v.to() + "' is not a time HH:MM"));
		}
		if (from >= 0 && to >= 0 && from > to) {
			faults.add(new Fault(line, "to",
					"impossible window: it closes (" + v.to() + ") before it opens (" + v.from() + ")"));
		}
		if (to >= 0 && departure >= 0 && to < departure) {
			faults.add(new Fault(line, "to", "impossible window: it closes (" + v.to()
					+ ") before the caregiver leaves (" + Clock.text(departure) + ")"));
		}
		Integer duration = v.durationMinutes();
		if (duration == null || duration < 1 || duration > DAY / 2) {
			faults.add(new Fault(line, "duration", "a duration of 1 to 720 minutes is required, got " + duration));
		}
		CareType care = null;
		try {
			care = CareType.fromCode(v.careType());
		}
		catch (InvalidInputException e) {
			faults.add(new Fault(line, "care_type", e.getBody().getDetail()));
		}
		String commune = null;
		if (v.lon() != null && v.lat() != null) {
			commune = commune(v.lon(), v.lat(), line, faults);
		}
		if (faults.size() > before) {
			return null;
		}
		return new Tour.Visit(v.lon(), v.lat(), commune, from, to, duration, care);
	}

	private String commune(double lon, double lat, Integer line, List<Fault> faults) {
		if (!valid(lon, lat)) {
			faults.add(new Fault(line, "lon,lat", "invalid WGS84 coordinates " + lon + "," + lat));
			return null;
		}
		Optional<String[]> c = store.commune(lon, lat);
		List<String> allowed = settings.departementCodes();
		if (!allowed.isEmpty() && (c.isEmpty() || !allowed.contains(c.get()[1]))) {
			faults.add(new Fault(line, "lon,lat", "the point " + lon + "," + lat + " lies outside the département(s) "
					+ String.join(", ", allowed) + (c.isPresent() ? " (commune " + c.get()[0] + ")" : "")));
			return null;
		}
		return c.map(x -> x[0]).orElse(null);
	}

	private static double[] point(double[] p, Integer line, String field, List<Fault> faults) {
		if (p == null) {
			return null;
		}
		if (p.length != 2 || !valid(p[0], p[1])) {
			faults.add(new Fault(line, field, "expected [lon, lat] in WGS84 degrees"));
			return null;
		}
		return p;
	}

	private static boolean valid(double lon, double lat) {
		return Double.isFinite(lon) && Double.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
	}

}
