/**
 * Coverage per commune, E2SFCA accessibility, declared-vs-reachable zones, what-if
 * scenarios and site suggestions.
 */
@ApplicationModule(displayName = "Coverage", allowedDependencies = { "offers", "routing", "shared" })
package fr.proxima.coverage;

import org.springframework.modulith.ApplicationModule;
