/**
 * Offers (services and housing options), their families and audiences, and the
 * organisations that run them, with their read API; the organisations' self-service
 * (their own edits, history and import conflicts).
 */
@ApplicationModule(displayName = "Offers", allowedDependencies = { "accounts", "shared" })
package fr.proxima.offers;

import org.springframework.modulith.ApplicationModule;
