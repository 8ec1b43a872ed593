/**
 * Several instances behind a load balancer (issue 16, docs/scaling.md): read-only work
 * sent to streaming replicas with a fallback to the primary and a read-your-writes rule,
 * and the data version that tells every instance when another one changed the offers, so
 * that in-memory caches are dropped everywhere. Depends only on {@code shared}.
 */
@ApplicationModule(displayName = "Cluster", allowedDependencies = { "shared" })
package fr.proxima.cluster;

import org.springframework.modulith.ApplicationModule;
