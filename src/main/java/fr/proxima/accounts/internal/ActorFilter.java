package fr.proxima.accounts.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import fr.proxima.accounts.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the current request's {@link ActorAuthentication} from the store: a personal API
 * token ({@code Authorization: Bearer}), the admin token on {@code /api/admin/**} and
 * {@code /actuator/**} (health details), or the session's user, reloaded so that a
 * disabled user or a removed role takes effect at once. An unknown, revoked or expired
 * token is a 401 here. Reads headers only, never the request's parameters or body.
 */
class ActorFilter extends OncePerRequestFilter {

	static final String ADMIN_HEADER = "X-Proxima-Admin-Token";

	private final Users users;

	private final Tokens tokens;

	private final byte[] adminToken;

	private final AuthResponses responses;

	ActorFilter(Users users, Tokens tokens, String adminToken, AuthResponses responses) {
		this.users = users;
		this.tokens = tokens;
		this.adminToken = adminToken == null || adminToken.isBlank() ? null
				: adminToken.getBytes(StandardCharsets.UTF_8);
		this.responses = responses;
	}

	static boolean bearer(HttpServletRequest request) {
		String h = request.getHeader("Authorization");
		return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	static boolean adminTokenGiven(HttpServletRequest request) {
		String h = request.getHeader(ADMIN_HEADER);
		String path = AuthResponses.path(request);
		return h != null && !h.isBlank() && (path.startsWith("/api/admin/") || path.startsWith("/actuator"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (bearer(request)) {
			String secret = request.getHeader("Authorization").substring(7).trim();
			Actor actor = tokens.liveOwner(Secrets.sha256(secret)).map(users::actor).orElse(null);
			if (actor == null) {
				responses.problem(request, response, HttpStatus.UNAUTHORIZED,
						"Unknown, revoked or expired API token, or its user is disabled");
				return;
			}
			use(new ActorAuthentication(actor, "token"));
		}
		else if (adminTokenGiven(request)) {
			byte[] given = request.getHeader(ADMIN_HEADER).getBytes(StandardCharsets.UTF_8);
			if (adminToken == null || !MessageDigest.isEqual(given, adminToken)) {
				responses.problem(request, response, HttpStatus.UNAUTHORIZED, adminToken == null
						? "The admin token is disabled: set PROXIMA_ADMIN_TOKEN (proxima.admin-token) or sign in as an admin"
						: "Wrong " + ADMIN_HEADER + " header");
				return;
			}
			use(new ActorAuthentication(Actor.ADMIN_TOKEN, "admin-token"));
		}
		else {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (auth != null && auth.getPrincipal() instanceof AccountUser user) {
				Actor actor = users.actor(user.id);
				if (actor == null) {
					SecurityContextHolder.clearContext();
					Optional.ofNullable(request.getSession(false)).ifPresent(HttpSession::invalidate);
				}
				else {
					use(new ActorAuthentication(actor, "session"));
				}
			}
		}
		chain.doFilter(request, response);
	}

	/** For this request only: the session keeps the signed-in user, not this copy. */
	private static void use(ActorAuthentication authentication) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
	}

}
