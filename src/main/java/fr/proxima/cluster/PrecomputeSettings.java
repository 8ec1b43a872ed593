package fr.proxima.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code proxima.precompute.*}: the offer × commune travel-time precompute spread over
 * instances as db-scheduler jobs, one partition per département (docs/scaling.md).
 *
 * @param distributed this instance is a worker of distributed runs and answers
 * {@code POST /api/admin/cluster/precompute}; needs
 * {@code proxima.routing.auto-refresh=false} (the single-instance refresh would run
 * beside it). Default {@code false}: one instance refreshes the whole table, as before
 * @param planOnChange plan a distributed run after every committed change of offers on
 * this instance, and at start when no run was ever recorded
 * @param threads db-scheduler threads of this instance; partitions still run one at a
 * time per instance ({@code recomputeOffers} computes one set at a time, on every core),
 * so more only holds more partitions waiting
 * @param pollInterval how often an idle worker looks for a waiting partition
 * @param heartbeat how often a worker tells the database it is still computing
 * @param missedHeartbeats after this many missed heartbeats (at least 4), a partition is
 * given to another worker (so a dead worker's partition restarts after heartbeat ×
 * missed-heartbeats, checked every two heartbeats)
 * @param retries attempts of a failing partition before the run is marked failed
 */
@ConfigurationProperties("proxima.precompute")
public record PrecomputeSettings(@DefaultValue("false") boolean distributed, @DefaultValue("true") boolean planOnChange,
		@DefaultValue("1") int threads, @DefaultValue("2s") Duration pollInterval,
		@DefaultValue("10s") Duration heartbeat, @DefaultValue("6") int missedHeartbeats,
		@DefaultValue("3") int retries) {

	/** How long a worker may stay silent before its partition is given to another. */
	public Duration deadAfter() {
		return heartbeat.multipliedBy(missedHeartbeats);
	}

}
