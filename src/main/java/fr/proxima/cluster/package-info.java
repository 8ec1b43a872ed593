/**
 * Several instances behind a load balancer (issue 16, docs/scaling.md): read-only work
 * sent to streaming replicas with a fallback to the primary and a read-your-writes rule,
 * the data version that tells every instance when another one changed the offers, so that
 * in-memory caches are dropped everywhere, and the offer × commune precompute spread over
 * instances as db-scheduler jobs, one partition per département. Depends on
 * {@code shared} and on {@code routing} (the precompute it partitions).
 */
@ApplicationModule(displayName = "Cluster", allowedDependencies = { "routing", "shared" })
package fr.proxima.cluster;

import org.springframework.modulith.ApplicationModule;
