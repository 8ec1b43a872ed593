package fr.proxima.cluster.internal;

import java.util.List;

import fr.proxima.cluster.ClusterSettings;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Marks the handling of web requests for {@link ReadIntent}, once the security chain,
 * sessions and rate limits are done (a handler interceptor runs inside them): a GET or
 * HEAD under {@code proxima.db.read-paths} reads from a replica; a write (any other
 * method, except the read-only POSTs of {@code /api/routing/**}) gets the
 * {@value #COOKIE} cookie for {@code proxima.db.read-own-writes}, and every request that
 * carries it, on any instance, reads from the primary.
 */
public class ReadRequests implements HandlerInterceptor {

	public static final String COOKIE = "proxima-primary";

	private final List<String> readPaths;

	private final long ownWritesSeconds;

	public ReadRequests(ClusterSettings settings) {
		this.readPaths = settings.readPaths();
		this.ownWritesSeconds = Math.max(1, settings.readOwnWrites().toSeconds());
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String method = request.getMethod();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean safe = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
		if (!safe && !path.startsWith("/api/routing/")) {
			response.addHeader("Set-Cookie",
					ResponseCookie.from(COOKIE, "1")
						.path("/")
						.maxAge(ownWritesSeconds)
						.httpOnly(true)
						.sameSite("Lax")
						.build()
						.toString());
			ReadIntent.set(ReadIntent.Target.PRIMARY);
		}
		else if (wroteRecently(request)) {
			ReadIntent.set(ReadIntent.Target.PRIMARY);
		}
		else if (safe && readPaths.stream()
			.anyMatch(p -> path.equals(p) || path.startsWith(p + "/") || path.startsWith(p + "."))) {
			ReadIntent.set(ReadIntent.Target.REPLICA);
		}
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		ReadIntent.clear();
	}

	private static boolean wroteRecently(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return false;
		}
		for (Cookie c : cookies) {
			if (COOKIE.equals(c.getName())) {
				return true;
			}
		}
		return false;
	}

}
