package fr.proxima.tours;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import fr.proxima.shared.InvalidInputException;
import fr.proxima.tours.internal.AggregateQueries;
import fr.proxima.tours.internal.Clock;
import fr.proxima.tours.internal.Suppression;
import org.springframework.stereotype.Service;

/**
 * The only tour figures anyone but the owning coordinators sees: per commune, over whole
 * months, with small cells suppressed (and complementary cells, see {@link Suppression}).
 * No reader is audited here: no tour is read, only sums.
 */
@Service
public class AggregateService {

	private static final Pattern DEPARTEMENT = Pattern.compile("[0-9]{2,3}|2[AB]");

	private final AggregateQueries queries;

	private final ToursSettings settings;

	AggregateService(AggregateQueries queries, ToursSettings settings) {
		this.queries = queries;
		this.settings = settings;
	}

	/**
	 * @param from first month "YYYY-MM" (default: 2000-01)
	 * @param to last month "YYYY-MM" (default: the current month)
	 */
	public CommuneAggregates communes(String departements, String from, String to) {
		List<String> deps = departements == null || departements.isBlank() ? settings.departementCodes()
				: List.of(departements.split(",")).stream().map(String::trim).toList();
		if (deps.isEmpty() || deps.stream().anyMatch(d -> !DEPARTEMENT.matcher(d).matches())) {
			throw new InvalidInputException("departement must be codes such as 48, got '" + departements + "'");
		}
		LocalDate first = month(from, YearMonth.of(2000, 1)).atDay(1);
		LocalDate last = month(to, YearMonth.now()).atEndOfMonth();
		if (last.isBefore(first)) {
			throw new InvalidInputException("to (" + to + ") is before from (" + from + ")");
		}
		int k = settings.minCellVisits();
		List<AggregateQueries.Sums> sums = queries.communes(deps, first, last);
		List<Suppression.Row> rows = sums.stream().map(s -> new Suppression.Row(s.code(), s.visits())).toList();
		boolean[] hidden = Suppression.suppressed(rows, k);
		List<CommuneAggregates.Cell> cells = new ArrayList<>(sums.size());
		long visits = 0;
		double drive = 0;
		double care = 0;
		for (int i = 0; i < sums.size(); i++) {
			AggregateQueries.Sums s = sums.get(i);
			visits += s.visits();
			drive += s.driveSeconds();
			care += s.careMinutes();
			cells.add(hidden[i] ? new CommuneAggregates.Cell(s.code(), s.name(), true, null, null, null, null)
					: cell(s.code(), s.name(), s.visits(), s.driveSeconds(), s.careMinutes(), s.tours()));
		}
		CommuneAggregates.Cell total = Suppression.totalSuppressed(rows, k)
				? new CommuneAggregates.Cell(null, "total", true, null, null, null, null)
				: cell(null, "total", visits, drive, care, queries.tours(deps, first, last));
		return new CommuneAggregates(deps, first.toString(), last.toString(), k, total, cells);
	}

	private static CommuneAggregates.Cell cell(String code, String name, long visits, double driveSeconds,
			double careMinutes, long tours) {
		double driveMinutes = driveSeconds / 60;
		double share = driveMinutes + careMinutes > 0 ? driveMinutes / (driveMinutes + careMinutes) : 0;
		return new CommuneAggregates.Cell(code, name, false, visits, Clock.round(driveMinutes),
				Math.round(share * 1000) / 1000.0, tours);
	}

	private static YearMonth month(String text, YearMonth fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			return YearMonth.parse(text.trim());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException("'" + text + "' is not a month YYYY-MM (aggregates cover whole months)");
		}
	}

}
