package fr.proxima.config;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.env.Environment;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response (docs/security.md): {@code X-Content-Type-Options},
 * {@code Referrer-Policy} and a {@code Content-Security-Policy} that allows only the
 * application itself plus the tile server of {@code proxima.map.tile-url}, with
 * {@code frame-ancestors 'none'} and {@code X-Frame-Options: DENY} everywhere except the
 * embeddable widget ({@code /embed/**}, {@code /widget.js}), whose frame policy the embed
 * module sets from {@code proxima.embed.allowed-origins}. Swagger UI's React code sets
 * inline styles, so {@code /swagger-ui/**} alone also allows {@code 'unsafe-inline'}
 * styles.
 */
class SecurityHeaders extends OncePerRequestFilter {

	/**
	 * Tile servers (OpenStreetMap's policy) need the origin as referrer; nothing more
	 * leaves.
	 */
	static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

	private final String policy;

	private final String swaggerPolicy;

	private final String embedPolicy;

	SecurityHeaders(Environment environment) {
		String tiles = tileOrigin(environment.getProperty("proxima.map.tile-url", ""));
		String common = "default-src 'self'; img-src 'self' data:" + (tiles.isEmpty() ? "" : " " + tiles)
				+ "; %s; script-src 'self'; connect-src 'self'";
		this.policy = common.formatted("style-src 'self'") + "; frame-ancestors 'none'";
		this.swaggerPolicy = common.formatted("style-src 'self' 'unsafe-inline'") + "; frame-ancestors 'none'";
		this.embedPolicy = common.formatted("style-src 'self'");
	}

	/**
	 * The scheme, host and port of a tile URL template; a placeholder in the host
	 * ({@code {s}.tile…}) becomes a CSP wildcard label.
	 */
	static String tileOrigin(String template) {
		if (template == null || template.isBlank()) {
			return "";
		}
		String t = template.trim();
		int start = t.indexOf("://");
		if (start < 0) {
			return "";
		}
		int end = t.indexOf('/', start + 3);
		String origin = (end < 0 ? t : t.substring(0, end)).replaceAll("\\{[^}]*}", "*");
		try {
			URI.create(origin.replace("*", "x"));
			return origin.matches("https?://[\\w.*:-]+") ? origin : "";
		}
		catch (IllegalArgumentException e) {
			return "";
		}
	}

	static boolean isEmbed(String path) {
		return path != null && (path.equals("/embed") || path.startsWith("/embed/") || path.equals("/widget.js"));
	}

	void apply(String path, HttpServletResponse response) {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", REFERRER_POLICY);
		if (isEmbed(path)) {
			// a policy of its own beside the embed module's frame-ancestors one: a
			// browser
			// enforces both
			response.addHeader("Content-Security-Policy", embedPolicy);
			return;
		}
		boolean swagger = path != null && (path.startsWith("/swagger-ui") || path.startsWith("/v3/api-docs"));
		response.setHeader("Content-Security-Policy", swagger ? swaggerPolicy : policy);
		response.setHeader("X-Frame-Options", "DENY");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		apply(request.getRequestURI(), response);
		chain.doFilter(request, response);
	}

}
