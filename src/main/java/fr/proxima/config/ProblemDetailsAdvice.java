package fr.proxima.config;

import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Turns every bad request into an RFC 9457 problem detail. Spring MVC's own exceptions
 * (type mismatch, missing parameter, unreadable body…) and
 * {@link org.springframework.web.ErrorResponseException}s such as
 * {@code InvalidInputException} are handled by the base class. No detail names a server
 * class (generic types included); a database that cannot be reached is a quick 503; any
 * other failure is a 500 problem detail whose cause is logged, never sent.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ProblemDetailsAdvice.class);

	/** Seconds a client is asked to wait when the database is unavailable. */
	static final String DATABASE_RETRY_AFTER = "5";

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
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof RequestChecks.BodyTooLargeException tooLarge) {
				HttpStatusCode payloadTooLarge = HttpStatus.CONTENT_TOO_LARGE;
				return handleExceptionInternal(e,
						ProblemDetail.forStatusAndDetail(payloadTooLarge,
								tooLarge.getMessage() + " (proxima.limits.max-json-body)"),
						headers, payloadTooLarge, request);
			}
		}
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
					.replaceAll("\\s*\\(?\\bSource: REDACTED.*$", "");
		message = withoutClassNames(message);
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

	/**
	 * Type names as a client knows them:
	 * {@code java.util.ArrayList<fr.proxima.coverage.ScenarioRequest$Site>} becomes
	 * {@code ArrayList<Site>}.
	 */
	static String withoutClassNames(String text) {
		return text == null ? null : text.replaceAll("\\b(?:[a-z_][\\w]*\\.)+([A-Z][\\w$]*)", "$1")
			.replaceAll("\\b[A-Z]\\w*\\$(?=[A-Z])", "");
	}

	/** Every problem detail leaves without server class names. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			problem.setDetail(withoutClassNames(problem.getDetail()));
		}
		return super.handleExceptionInternal(e, body, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(e, ProblemDetail.forStatusAndDetail(status,
				"The upload exceeds the maximum of spring.servlet.multipart.max-request-size (PROXIMA_MAX_UPLOAD)"),
				headers, status, request);
	}

	/** A truncated or malformed multipart body. */
	@ExceptionHandler(MultipartException.class)
	ProblemDetail multipart(MultipartException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Malformed or truncated multipart body: send the files as multipart/form-data parts named 'file'");
	}

	@ExceptionHandler(InvalidMediaTypeException.class)
	ProblemDetail invalidMediaType(InvalidMediaTypeException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Unreadable Content-Type: send application/json");
	}

	/**
	 * The database cannot be reached (outage, pool exhausted past
	 * {@code spring.datasource.hikari.connection-timeout}): a quick 503, and the pool
	 * reconnects by itself when it returns.
	 */
	@ExceptionHandler({ CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
			DataAccessResourceFailureException.class, TransientDataAccessResourceException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
		log.warn("Database unavailable: " + e.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"The database is unavailable; retry in a few seconds"));
	}

	/** Anything else is a server fault: logged with its cause, answered without it. */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) {
		if (isDatabaseOutage(e)) {
			return databaseUnavailable(e);
		}
		log.error("Unexpected failure", e);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
					"Internal error; it has been logged"));
	}

	/** A connection that could not be made or was cut, however wrapped. */
	static boolean isDatabaseOutage(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof java.sql.SQLTransientConnectionException
					|| t instanceof java.sql.SQLNonTransientConnectionException
					|| t instanceof java.net.ConnectException
					|| (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
							&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")))) {
				return true;
			}
		}
		return false;
	}

}
