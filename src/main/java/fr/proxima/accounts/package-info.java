/**
 * Accounts and roles: users, their roles and organisations, session login, personal API
 * tokens, the first admin and the security configuration. Other modules ask
 * {@link fr.proxima.accounts.Permissions} what the current user may do; organisations are
 * plain ids here so that {@code offers} and {@code coverage} may depend on this module.
 */
@ApplicationModule(displayName = "Accounts", allowedDependencies = { "shared" })
package fr.proxima.accounts;

import org.springframework.modulith.ApplicationModule;
