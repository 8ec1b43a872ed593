package fr.proxima.config;

import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;

/**
 * Replaces Tomcat's HTML error report for the errors the container answers itself, before
 * any filter or servlet runs: a malformed request line or %-encoding, an encoded
 * {@code /} or {@code \} in the path, a request line or headers over the limit. These get
 * the same problem detail (or page) as every other error, with the security headers.
 */
class ProblemReportValve extends ErrorReportValve {

	private final SecurityHeaders headers;

	ProblemReportValve(SecurityHeaders headers) {
		this.headers = headers;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		if (status == 505) {
			// an HTTP version the container does not speak is the client's error
			status = 400;
			response.setStatus(status);
		}
		String path = request.getRequestURI();
		String detail = detail(status);
		try {
			headers.apply(path, response);
			boolean page = ErrorBodies.wantsPage(path, request.getHeader("Accept"));
			response.setContentType(page ? MediaType.TEXT_HTML_VALUE : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(page ? ErrorBodies.page(status, detail) : ErrorBodies.problemJson(status, detail));
				response.finishResponse();
			}
		}
		catch (Exception e) {
			// the client has gone or the response cannot be written: nothing more to say
		}
	}

	private static String detail(int status) {
		return switch (status) {
			case 400 -> "The request could not be read: malformed request line, path, %-encoding or headers, or an"
					+ " HTTP version other than 1.0 and 1.1" + " (an encoded / or \\ in the path is refused)";
			case 413, 431 -> "The request line or headers are too large";
			case 414 -> "The request line is too long";
			case 501 -> "This HTTP method is not implemented";
			default -> ErrorBodies.title(status);
		};
	}

}
