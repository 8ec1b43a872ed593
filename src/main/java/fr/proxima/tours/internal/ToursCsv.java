package fr.proxima.tours.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.proxima.tours.Tour;
import fr.proxima.tours.TourInput;
import fr.proxima.tours.TourInputException.Fault;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The tour CSV layout (docs/tours.md): one line per visit, in visiting order; the lines
 * of one date and caregiver form one tour. Separator {@code ;} or {@code ,} (read from
 * the header); UTF-8; decimal point.
 */
public final class ToursCsv {

	public static final List<String> COLUMNS = List.of("date", "caregiver", "departure", "lon", "lat", "from", "to",
			"duration", "care_type");

	public static final List<String> OPTIONAL = List.of("start_lon", "start_lat", "end_lon", "end_lat");

	private ToursCsv() {
	}

	/** One tour of the file and the line of its first visit. */
	public record Group(int firstLine, TourInput tour) {
	}

	public static List<Group> read(String text, List<Fault> faults) {
		String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
		String header = body.lines().findFirst().orElse("");
		char sep = header.indexOf(';') >= 0 ? ';' : ',';
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(sep)
			.setHeader()
			.setSkipHeaderRecord(true)
			.setTrim(true)
			.get();
		Map<String, List<CSVRecord>> groups = new LinkedHashMap<>();
		Map<String, Integer> firstLines = new LinkedHashMap<>();
		try (var parser = format.parse(new StringReader(body))) {
			List<String> names = parser.getHeaderNames().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
			for (String c : COLUMNS) {
				if (!names.contains(c)) {
					faults
						.add(new Fault(1, c, "missing column; the header must name " + String.join(sep + "", COLUMNS)));
				}
			}
			if (!faults.isEmpty()) {
				return List.of();
			}
			for (CSVRecord r : parser) {
				int line = (int) r.getRecordNumber() + 1;
				String key = value(r, "date") + "\u0000" + value(r, "caregiver");
				groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
				firstLines.putIfAbsent(key, line);
			}
		}
		catch (IOException | IllegalArgumentException | IllegalStateException e) {
			faults.add(new Fault(1, "file", "not a readable CSV file: " + e.getMessage()));
			return List.of();
		}
		List<Group> tours = new ArrayList<>();
		groups.forEach((key, records) -> tours.add(group(firstLines.get(key), records, faults)));
		return tours;
	}

	private static Group group(int firstLine, List<CSVRecord> records, List<Fault> faults) {
		CSVRecord first = records.get(0);
		LocalDate date = null;
		try {
			date = LocalDate.parse(value(first, "date"));
		}
		catch (DateTimeParseException e) {
			faults.add(new Fault(firstLine, "date", "'" + value(first, "date") + "' is not a date YYYY-MM-DD"));
		}
		List<TourInput.VisitInput> visits = new ArrayList<>();
		for (CSVRecord r : records) {
			int line = (int) r.getRecordNumber() + 1;
			if (line != firstLine + visits.size()) {
				faults.add(new Fault(line, "caregiver",
						"the visits of one tour (date and caregiver) must be on consecutive lines"));
			}
			visits.add(new TourInput.VisitInput(number(r, "lon", line, faults), number(r, "lat", line, faults),
					value(r, "from"), value(r, "to"), integer(r, "duration", line, faults), value(r, "care_type")));
		}
		double[] start = pair(first, "start_lon", "start_lat", firstLine, faults);
		double[] end = pair(first, "end_lon", "end_lat", firstLine, faults);
		return new Group(firstLine,
				new TourInput(date, value(first, "caregiver"), value(first, "departure"), start, end, visits));
	}

	public static String write(List<Tour> tours) {
		StringWriter out = new StringWriter();
		List<String> header = new ArrayList<>(COLUMNS);
		header.addAll(OPTIONAL);
		try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
			p.printRecord(header);
			for (Tour t : tours) {
				for (Tour.Visit v : t.visits()) {
					p.printRecord(t.date(), t.caregiver(), Clock.text(t.startMinute()), v.lon(), v.lat(),
							Clock.text(v.windowStart()), Clock.text(v.windowEnd()), v.durationMinutes(),
							v.careType().code(), t.startLon(), t.startLat(), t.endLon(), t.endLat());
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	private static String value(CSVRecord r, String column) {
		return r.isMapped(column) && r.isSet(column) ? r.get(column) : "";
	}

	private static Double number(CSVRecord r, String column, int line, List<Fault> faults) {
		String v = value(r, column);
		if (v.isEmpty()) {
			return null;
		}
		try {
			return Double.parseDouble(v);
		}
		catch (NumberFormatException e) {
			faults.add(new Fault(line, column, "'" + v + "' is not a number"));
			return null;
		}
	}

	private static Integer integer(CSVRecord r, String column, int line, List<Fault> faults) {
		Double d = number(r, column, line, faults);
		if (d != null && d != Math.rint(d)) {
			faults.add(new Fault(line, column, "'" + value(r, column) + "' is not a whole number of minutes"));
			return null;
		}
		return d == null ? null : d.intValue();
	}

	private static double[] pair(CSVRecord r, String lon, String lat, int line, List<Fault> faults) {
		Double x = number(r, lon, line, faults);
		Double y = number(r, lat, line, faults);
		return x == null || y == null ? null : new double[] { x, y };
	}

}
