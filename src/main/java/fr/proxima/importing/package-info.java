/**
 * Importers of the official layouts (FINESS, INSEE, communes, EHPAD capacities, the plain
 * Proxima layout), the folder import, the first start and the import command line. Writes
 * the store; publishes {@code OffersChanged} after every committed import.
 */
@ApplicationModule(displayName = "Importing", allowedDependencies = { "offers", "shared" })
package fr.proxima.importing;

import org.springframework.modulith.ApplicationModule;
