package fr.proxima.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The admin token, checked in a servlet filter ahead of everything that reads the body,
 * so that no multipart upload is read or spooled to disk before it: {@code /api/admin/**}
 * needs the {@code X-Proxima-Admin-Token} header to equal {@code proxima.admin-token}
 * (401 otherwise; 403 for every request when no token is configured). On
 * {@code /actuator/**} the right token makes the request an {@code ADMIN} one, which the
 * health endpoint needs to show its details; without it health says UP or DOWN only. User
 * accounts do not exist yet: the token stands for the admin role until they do.
 */
class AdminAccess extends OncePerRequestFilter {

	static final String TOKEN_HEADER = "X-Proxima-Admin-Token";

	static final String ADMIN_ROLE = "ADMIN";

	private final byte[] token;

	AdminAccess(String token) {
		this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		boolean admin = path.startsWith("/api/admin/") || path.equals("/api/admin");
		boolean valid = token != null && matches(request.getHeader(TOKEN_HEADER));
		if (admin && !valid) {
			// the connection is closed rather than reading (swallowing) a large body
			response.setHeader("Connection", "close");
			if (token == null) {
				ErrorBodies.write(response, 403,
						"Admin endpoints are disabled: set PROXIMA_ADMIN_TOKEN (proxima.admin-token) to enable them",
						path, null);
			}
			else {
				ErrorBodies.write(response, 401, "Missing or wrong " + TOKEN_HEADER + " header", path, null);
			}
			return;
		}
		chain.doFilter(valid ? new AdminRequest(request) : request, response);
	}

	private boolean matches(String given) {
		return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token);
	}

	/** A request that carried the right admin token. */
	private static final class AdminRequest extends HttpServletRequestWrapper {

		AdminRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Principal getUserPrincipal() {
			return () -> "admin-token";
		}

		@Override
		public boolean isUserInRole(String role) {
			return ADMIN_ROLE.equals(role) || ("ROLE_" + ADMIN_ROLE).equals(role);
		}

	}

}
