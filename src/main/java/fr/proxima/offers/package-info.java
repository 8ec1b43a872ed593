/**
 * Offers (services and housing options), their families and audiences, and the
 * organisations that run them, with their read API.
 */
@ApplicationModule(displayName = "Offers", allowedDependencies = { "shared" })
package fr.proxima.offers;

import org.springframework.modulith.ApplicationModule;
