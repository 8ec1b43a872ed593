package fr.proxima.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The one error format, for answers written outside Spring MVC's exception handling (the
 * servlet container's own checks, {@code /error}, the request filters): an RFC 9457
 * problem detail for API paths and for clients that do not ask for HTML, a small HTML
 * page for pages. Never a stack trace, never the server's class names.
 */
final class ErrorBodies {

	private ErrorBodies() {
	}

	/** A page is any path outside the API, asked for by a browser (Accept: text/html). */
	static boolean wantsPage(String path, String accept) {
		if (path == null || path.startsWith("/api") || path.startsWith("/actuator") || path.startsWith("/v3/")) {
			return false;
		}
		return accept != null && accept.contains("text/html");
	}

	static String title(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return known == null ? "Error" : known.getReasonPhrase();
	}

	static String problemJson(int status, String detail) {
		return "{\"type\":\"about:blank\",\"title\":" + json(title(status)) + ",\"status\":" + status + ",\"detail\":"
				+ json(detail) + "}";
	}

	/**
	 * A short French-first page; the detail is given in English as in every API answer.
	 */
	static String page(int status, String detail) {
		return "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Proxima – " + status + " "
				+ html(title(status)) + "</title></head><body><h1>Erreur " + status + " – " + html(title(status))
				+ "</h1><p lang=\"en\">" + html(detail) + "</p><p><a href=\"/\">Proxima – accueil / home</a></p>"
				+ "</body></html>";
	}

	/** Writes the error answer on a response that has not been committed yet. */
	static void write(HttpServletResponse response, int status, String detail, String path, String accept)
			throws IOException {
		response.resetBuffer();
		response.setStatus(status);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		boolean page = wantsPage(path, accept);
		response.setContentType(page ? MediaType.TEXT_HTML_VALUE : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write(page ? page(status, detail) : problemJson(status, detail));
		response.flushBuffer();
	}

	static String json(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : String.valueOf(text).toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20 || c > 0x7e) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	static String html(String text) {
		return String.valueOf(text)
			.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replaceAll("\\p{Cntrl}", "");
	}

}
