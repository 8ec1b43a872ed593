package fr.proxima.config;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page ({@code /error}, reached by {@code sendError}: unknown paths
 * such as {@code /WEB-INF}, TRACE, an exception no handler caught) in the one error
 * format instead of Spring Boot's JSON. Asked for directly, {@code /error} is an unknown
 * page: 404.
 */
@Controller
class ErrorPages implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<String> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer i && i >= 400 ? i : 404;
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri == null ? request.getRequestURI() : uri.toString();
		String detail = switch (status) {
			case 404 -> "No resource at this path";
			case 405 -> "This HTTP method is not supported here";
			case 500 -> "Internal error; it has been logged";
			default -> ErrorBodies.title(status);
		};
		boolean page = ErrorBodies.wantsPage(path, request.getHeader("Accept"));
		HttpStatus known = HttpStatus.resolve(status);
		return ResponseEntity.status(known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known)
			.contentType(page ? new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8)
					: MediaType.APPLICATION_PROBLEM_JSON)
			.body(page ? ErrorBodies.page(status, detail) : ErrorBodies.problemJson(status, detail));
	}

}
