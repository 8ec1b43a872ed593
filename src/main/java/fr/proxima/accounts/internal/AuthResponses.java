package fr.proxima.accounts.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.ObjectMapper;

/**
 * What the security chain answers: RFC 9457 problem details (401, 403, 429) on
 * {@code /api/**}, the login page for pages; JSON or a redirect after a sign-in attempt.
 */
class AuthResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String LOGIN_PAGE = "/login/";

	private final ObjectMapper json;

	AuthResponses(ObjectMapper json) {
		this.json = json;
	}

	static boolean api(HttpServletRequest request) {
		return path(request).startsWith("/api/");
	}

	static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/**
	 * A script (fetch with Accept: application/json) rather than a browser navigation.
	 */
	static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return api(request) || (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)
				&& !accept.contains(MediaType.TEXT_HTML_VALUE));
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		if (wantsJson(request)) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"proxima\"");
			problem(request, response, HttpStatus.UNAUTHORIZED,
					"Sign in first (session), or send a personal API token"
							+ " as 'Authorization: Bearer …'; on /api/admin/** the X-Proxima-Admin-Token header"
							+ " (PROXIMA_ADMIN_TOKEN) is accepted too");
			return;
		}
		String target = path(request) + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		response.sendRedirect(
				request.getContextPath() + LOGIN_PAGE + "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || auth instanceof AnonymousAuthenticationToken) {
			commence(request, response, null);
			return;
		}
		problem(request, response, HttpStatus.FORBIDDEN,
				e instanceof CsrfException
						? "Missing or wrong CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header"
						: "Your roles do not allow this");
	}

	void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", detail);
		body.put("instance", path(request));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		json.writeValue(response.getOutputStream(), body);
	}

	void json(HttpServletResponse response, Object body) throws IOException {
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		json.writeValue(response.getOutputStream(), body);
	}

	/** Where to go after signing in: a local path only (no open redirect). */
	static String next(HttpServletRequest request) {
		String next = request.getParameter("next");
		return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next
				: "/account/";
	}

}
