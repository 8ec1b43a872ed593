package fr.proxima.cluster;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code proxima.db.*}: where read-only work goes (docs/scaling.md).
 *
 * @param readUrls JDBC URLs of streaming replicas (comma-separated); empty: everything on
 * the primary ({@code spring.datasource.url}), as on one machine
 * @param replicaWait longest wait for a replica connection before the read goes to the
 * primary; a replica that fails is set aside until a probe succeeds
 * @param replicaCheckInterval how often a set-aside replica is probed again
 * @param readOwnWrites how long after a write the same client reads from the primary (a
 * cookie carries it, so any instance honours it)
 * @param readPaths GET and HEAD requests under these path prefixes run their
 * non-transactional reads on a replica; read-only transactions go there anywhere
 * @param versionPollInterval how often each instance reads the data version (another
 * instance's change is seen within about this long)
 */
@ConfigurationProperties("proxima.db")
public record ClusterSettings(@DefaultValue("") List<String> readUrls, @DefaultValue("1s") Duration replicaWait,
		@DefaultValue("1s") Duration replicaCheckInterval, @DefaultValue("10s") Duration readOwnWrites, @DefaultValue( {
				"/api/offers", "/api/organisations", "/api/communes", "/api/departements", "/api/places",
				"/api/coverage", "/ogc", "/tiles", "/exports" }) List<String> readPaths,
		@DefaultValue("250ms") Duration versionPollInterval){

	public ClusterSettings {
		readUrls = readUrls.stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
	}

	public boolean replicated() {
		return !readUrls.isEmpty();
	}

}
