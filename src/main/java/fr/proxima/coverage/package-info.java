/**
 * Coverage per commune, E2SFCA accessibility, declared-vs-reachable zones, what-if
 * scenarios and site suggestions.
 */
@ApplicationModule(displayName = "Coverage", allowedDependencies = { "accounts", "offers", "routing", "shared" })
package fr.proxima.coverage;

import org.springframework.modulith.ApplicationModule;
