/**
 * Open exports of every public layer (GeoJSON, CSV, GeoPackage) naming their sources and
 * dates, and the Open Referral HSDS 3 and data·inclusion schemas.
 */
@ApplicationModule(displayName = "Exports", allowedDependencies = { "offers", "ogc", "shared" })
package fr.proxima.exports;

import org.springframework.modulith.ApplicationModule;
