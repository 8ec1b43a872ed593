package fr.proxima.config;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Absolute links ({@code next} pages, actuator {@code _links}, OpenAPI {@code servers})
 * never echo an unchecked {@code Host} header: every request is seen with the scheme,
 * host and port of {@code proxima.public-url}, or, when it is not set, of
 * {@code http://localhost:<local port>}. An operator behind a proxy who prefers the
 * forwarded headers enables {@code server.forward-headers-strategy} ({@code native} or
 * {@code framework}); this filter then steps aside and Spring applies them.
 */
class PublicUrl extends OncePerRequestFilter {

	private final URI base;

	private final boolean forwarded;

	/**
	 * {@code http://localhost:<port>} of the last local port seen (one per connector).
	 */
	private volatile URI local = URI.create("http://localhost:0");

	PublicUrl(String publicUrl, boolean forwarded) {
		this.base = publicUrl == null || publicUrl.isBlank() ? null : parse(publicUrl.trim());
		this.forwarded = forwarded && this.base == null;
	}

	static URI parse(String url) {
		URI uri = URI.create(url);
		if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
			throw new IllegalArgumentException("proxima.public-url must be an absolute http(s) URL, got " + url);
		}
		return uri;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (forwarded) {
			chain.doFilter(request, response);
			return;
		}
		URI uri = base != null ? base : local(request.getLocalPort());
		chain.doFilter(new PublicRequest(request, uri), response);
	}

	private URI local(int port) {
		URI uri = local;
		if (uri.getPort() != port) {
			uri = URI.create("http://localhost:" + port);
			local = uri;
		}
		return uri;
	}

	private static final class PublicRequest extends HttpServletRequestWrapper {

		private final String scheme;

		private final String host;

		private final int port;

		PublicRequest(HttpServletRequest request, URI base) {
			super(request);
			this.scheme = base.getScheme();
			this.host = base.getHost();
			this.port = base.getPort() >= 0 ? base.getPort() : ("https".equals(scheme) ? 443 : 80);
		}

		private boolean defaultPort() {
			return port == ("https".equals(scheme) ? 443 : 80);
		}

		@Override
		public String getScheme() {
			return scheme;
		}

		@Override
		public boolean isSecure() {
			return "https".equals(scheme);
		}

		@Override
		public String getServerName() {
			return host;
		}

		@Override
		public int getServerPort() {
			return port;
		}

		@Override
		public StringBuffer getRequestURL() {
			return new StringBuffer(scheme).append("://")
				.append(host)
				.append(defaultPort() ? "" : ":" + port)
				.append(getRequestURI());
		}

		@Override
		public String getHeader(String name) {
			if ("host".equalsIgnoreCase(name)) {
				return host + (defaultPort() ? "" : ":" + port);
			}
			return forwardedHeader(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			if ("host".equalsIgnoreCase(name)) {
				return Collections.enumeration(java.util.List.of(getHeader(name)));
			}
			return forwardedHeader(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		private static boolean forwardedHeader(String name) {
			String n = name.toLowerCase(Locale.ROOT);
			return n.equals("forwarded") || n.startsWith("x-forwarded-");
		}

	}

}
