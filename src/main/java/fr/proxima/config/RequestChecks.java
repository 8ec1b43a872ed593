package fr.proxima.config;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cheap checks on every request before any work (docs/security.md): the query string must
 * decode (a bad %-escape is a 400, not a logged stack trace), no parameter may hold a
 * control character, the Content-Type must be a concrete media type (415), multipart
 * bodies go to the admin import endpoints only (415), and any other body may not exceed
 * {@code proxima.limits.max-json-body} (413, checked on Content-Length and while
 * reading).
 */
class RequestChecks extends OncePerRequestFilter {

	private final long maxBody;

	RequestChecks(long maxBody) {
		this.maxBody = maxBody;
	}

	/** A body read past the limit; the advice answers it with 413. */
	static final class BodyTooLargeException extends IOException {

		BodyTooLargeException(long limit) {
			super("The request body exceeds " + limit + " bytes");
		}

	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		String problem = null;
		int status = 400;
		MediaType type = null;
		try {
			type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
			if (type != null && (type.isWildcardType() || type.isWildcardSubtype())) {
				throw new InvalidMediaTypeException(request.getContentType(), "wildcard");
			}
		}
		catch (InvalidMediaTypeException e) {
			status = 415;
			problem = "Content-Type '" + printable(request.getContentType())
					+ "' is not a concrete media type: send application/json";
		}
		boolean multipart = type != null && "multipart".equals(type.getType());
		boolean upload = path.startsWith("/api/admin/imports/");
		if (problem == null && multipart && !upload) {
			status = 415;
			problem = "Multipart bodies are accepted by the admin import endpoints only";
		}
		if (problem == null && !upload && request.getContentLengthLong() > maxBody) {
			status = 413;
			problem = "The request body is " + request.getContentLengthLong() + " bytes; the maximum is " + maxBody
					+ " bytes (proxima.limits.max-json-body)";
		}
		if (problem == null && !multipart) {
			problem = parameterProblem(request);
		}
		if (problem != null) {
			response.setHeader("Connection", "close");
			ErrorBodies.write(response, status, problem, path, request.getHeader("Accept"));
			return;
		}
		chain.doFilter(upload ? request : new BoundedBody(request, maxBody), response);
	}

	private static String parameterProblem(HttpServletRequest request) {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (IllegalStateException e) {
			return "Malformed query string or form body: invalid %-escape or character encoding";
		}
		for (Map.Entry<String, String[]> p : parameters.entrySet()) {
			if (hasControl(p.getKey())) {
				return "A parameter name contains a control character";
			}
			for (String value : p.getValue()) {
				if (hasControl(value)) {
					return "Parameter '" + printable(p.getKey()) + "' contains a control character";
				}
			}
		}
		return null;
	}

	/** C0 and C1 control characters and DEL; none belongs in a query parameter. */
	static boolean hasControl(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
				return true;
			}
		}
		return false;
	}

	private static String printable(String text) {
		String t = String.valueOf(text).replaceAll("\\p{Cntrl}", "?");
		return t.length() > 100 ? t.substring(0, 100) + "…" : t;
	}

	/** Counts what is read from the body and stops past the limit (chunked bodies). */
	private static final class BoundedBody extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		BoundedBody(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				ServletInputStream in = super.getInputStream();
				stream = new ServletInputStream() {

					private long count;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0 && ++count > limit) {
							throw new BodyTooLargeException(limit);
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						if (n > 0 && (count += n) > limit) {
							throw new BodyTooLargeException(limit);
						}
						return n;
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}

				};
			}
			return stream;
		}

	}

}
