package fr.proxima.config;

import jakarta.validation.ConstraintViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every bad request into an RFC 9457 problem detail. Spring MVC's own exceptions (type mismatch, missing
 * parameter, unreadable body…) and {@link org.springframework.web.ErrorResponseException}s such as
 * {@code InvalidInputException} are handled by the base class.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail constraintViolation(ConstraintViolationException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
	}

	/** A query cut by the statement timeout ({@code proxima.api.query-timeout}). */
	@ExceptionHandler(QueryTimeoutException.class)
	ProblemDetail queryTimeout(QueryTimeoutException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The query took too long; narrow the search (smaller bbox or radius, more filters)");
	}

}
