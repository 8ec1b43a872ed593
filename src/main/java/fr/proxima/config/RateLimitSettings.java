package fr.proxima.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code proxima.rate-limit.*}: per-client token buckets of the computing endpoints
 * ({@link RateLimits}). {@code store}: {@code memory} (each instance counts alone, the
 * embedded default) or {@code database} (one bucket per client shared by every instance,
 * in the PostgreSQL table {@code rate_limit_bucket}; issue 16, docs/scaling.md).
 */
@ConfigurationProperties("proxima.rate-limit")
record RateLimitSettings(@DefaultValue("true") boolean enabled, @DefaultValue("60") long requests,
		@DefaultValue("1m") Duration period, @DefaultValue("10000") int maxClients,
		@DefaultValue("memory") String store) {

	public RateLimitSettings {
		if (!"memory".equals(store) && !"database".equals(store)) {
			throw new IllegalArgumentException(
					"proxima.rate-limit.store is 'memory' or 'database', not '" + store + "'");
		}
	}

	boolean shared() {
		return "database".equals(store);
	}

}
