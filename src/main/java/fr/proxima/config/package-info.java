/**
 * Web-wide configuration: RFC 9457 problem details, OpenAPI, admin-token access, start-up
 * failure messages.
 */
@ApplicationModule(displayName = "Configuration", allowedDependencies = { "shared" })
package fr.proxima.config;

import org.springframework.modulith.ApplicationModule;
