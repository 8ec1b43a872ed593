package fr.proxima.config;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client rate limits on the expensive anonymous endpoints (isochrones, matrices,
 * coverage areas, nearest offers, routes, every {@code /api/coverage} computation): one
 * Bucket4j token bucket per client address, {@code proxima.rate-limit.requests} per
 * {@code proxima.rate-limit.period}, refilled continuously. Past it: 429 with
 * {@code Retry-After} in whole seconds. The client is the connection's remote address
 * (the proxy's own, unless the operator enables forwarded headers). At most
 * {@code max-clients} buckets are kept; past that the oldest are forgotten all at once,
 * which can only make the limit looser for a moment. With
 * {@code proxima.rate-limit.store=database} the buckets live in PostgreSQL (Bucket4j's
 * select-for-update backend, table {@code rate_limit_bucket}), shared by every instance.
 */
class RateLimits extends OncePerRequestFilter {

	static final List<String> LIMITED = List.of("/api/routing/isochrones", "/api/routing/matrix",
			"/api/routing/coverage", "/api/routing/nearest-offers", "/api/routing/route", "/api/coverage");

	private final RateLimitSettings settings;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	/** The shared buckets, or null when each instance keeps its own. */
	private final ProxyManager<String> shared;

	RateLimits(RateLimitSettings settings, ProxyManager<String> shared) {
		this.settings = settings;
		this.shared = shared;
	}

	static boolean limited(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (path.startsWith("/api/coverage/scenarios") && !path.endsWith("/comparison")) {
			return false; // stored scenarios: cheap reads and writes
		}
		return LIMITED.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/") || path.startsWith(p + "."));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !settings.enabled() || !limited(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (buckets.size() > settings.maxClients()) {
			buckets.clear();
		}
		Bucket bucket = shared != null ? shared.builder().build(request.getRemoteAddr(), this::configuration)
				: buckets.computeIfAbsent(request.getRemoteAddr(), client -> newBucket());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
		response.setHeader("Retry-After", Long.toString(seconds));
		ErrorBodies.write(response, 429,
				"Too many requests from this client: at most " + settings.requests() + " per "
						+ settings.period().toSeconds() + " s on the computing endpoints; retry in " + seconds + " s",
				request.getRequestURI(), null);
	}

	private Bucket newBucket() {
		return Bucket.builder().addLimit(this::limit).build();
	}

	private BucketConfiguration configuration() {
		return BucketConfiguration.builder().addLimit(this::limit).build();
	}

	private BandwidthBuilder.BandwidthBuilderBuildStage limit(BandwidthBuilder.BandwidthBuilderCapacityStage limit) {
		return limit.capacity(settings.requests()).refillGreedy(settings.requests(), settings.period());
	}

}
