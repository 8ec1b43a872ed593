/**
 * Communes, their population by age band and départements, with their read API.
 */
@ApplicationModule(displayName = "Territory", allowedDependencies = { "shared" })
package fr.proxima.territory;

import org.springframework.modulith.ApplicationModule;
