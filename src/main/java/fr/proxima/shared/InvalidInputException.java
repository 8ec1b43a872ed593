package fr.proxima.shared;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Bad input from a client: rendered as an RFC 9457 problem detail with status 400 (or the
 * given status).
 */
public class InvalidInputException extends ErrorResponseException {

	public InvalidInputException(String detail) {
		this(HttpStatus.BAD_REQUEST, detail);
	}

	public InvalidInputException(HttpStatus status, String detail) {
		super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

}
