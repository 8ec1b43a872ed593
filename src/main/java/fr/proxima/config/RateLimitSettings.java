package fr.proxima.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code proxima.rate-limit.*}: per-client token buckets of the computing endpoints
 * ({@link RateLimits}).
 */
@ConfigurationProperties("proxima.rate-limit")
record RateLimitSettings(@DefaultValue("true") boolean enabled, @DefaultValue("60") long requests,
		@DefaultValue("1m") Duration period, @DefaultValue("10000") int maxClients) {

}
