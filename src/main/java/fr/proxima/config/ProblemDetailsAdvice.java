package fr.proxima.config;

import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Turns every bad request into an RFC 9457 problem detail. Spring MVC's own exceptions
 * (type mismatch, missing parameter, unreadable body…) and
 * {@link org.springframework.web.ErrorResponseException}s such as
 * {@code InvalidInputException} are handled by the base class.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail constraintViolation(ConstraintViolationException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
	}

	/**
	 * Query parameters bound into an object (such as the offer search): name each
	 * rejected value.
	 */
	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail body = e.getBody();
		body.setDetail(e.getFieldErrors()
			.stream()
			.map(f -> f.isBindingFailure() ? "Invalid value '" + f.getRejectedValue() + "' for " + f.getField()
					: f.getField() + ": " + f.getDefaultMessage())
			.collect(Collectors.joining("; ")));
		return handleExceptionInternal(e, body, headers, status, request);
	}

	/**
	 * A body that is not JSON, or not of the expected shape: say where (line, column,
	 * field) and what.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, unreadableBody(e));
		return handleExceptionInternal(e, body, headers, status, request);
	}

	static String unreadableBody(HttpMessageNotReadableException e) {
		if (!(e.getMostSpecificCause() instanceof JacksonException json)) {
			return "The request body is missing or unreadable";
		}
		StringBuilder detail = new StringBuilder("Unreadable JSON body");
		TokenStreamLocation at = json.getLocation();
		if (at != null && at.getLineNr() > 0) {
			detail.append(" at line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr());
		}
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference ref : json.getPath()) {
			if (ref.getPropertyName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				field.append('[').append(ref.getIndex()).append(']');
			}
		}
		if (!field.isEmpty()) {
			detail.append(", field ").append(field);
		}
		String message = json.getOriginalMessage() == null ? ""
				: json.getOriginalMessage()
					.lines()
					.findFirst()
					.orElse("")
					// a client needs the type's simple name, not the server's package
					// names or source description
					.replaceAll("`(?:[a-z]\\w*\\.)+([A-Z][\\w$]*)`", "`$1`")
					.replaceAll("\\s*\\(?\\bSource: REDACTED.*$", "");
		return detail.append(": ")
			.append(message.length() > 200 ? message.substring(0, 200) + "…" : message)
			.toString();
	}

	/** A query cut by the statement timeout ({@code proxima.api.query-timeout}). */
	@ExceptionHandler(QueryTimeoutException.class)
	ProblemDetail queryTimeout(QueryTimeoutException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The query took too long; narrow the search (smaller bbox or radius, more filters)");
	}

}
