package fr.proxima.tours;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Tour input at fault: a problem detail whose {@code errors} member lists every fault
 * with its line (CSV) or visit index (JSON) and field.
 */
public class TourInputException extends ErrorResponseException {

	/**
	 * @param line CSV line (1 = header) or visit index; null for the tour itself
	 */
	public record Fault(Integer line, String field, String message) {
	}

	public TourInputException(HttpStatus status, List<Fault> faults) {
		super(status, problem(status, faults), null);
	}

	private static ProblemDetail problem(HttpStatus status, List<Fault> faults) {
		Fault first = faults.get(0);
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status,
				faults.size() + " fault(s) in the tour input; first: "
						+ (first.line() == null ? "" : "line " + first.line() + ", ") + first.field() + ": "
						+ first.message());
		p.setProperty("errors", List.copyOf(faults));
		return p;
	}

}
