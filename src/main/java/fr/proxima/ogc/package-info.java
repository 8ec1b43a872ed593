/**
 * OGC API – Features (Part 1 core, GeoJSON, HTML, OpenAPI 3.0; Part 2 for EPSG:2154)
 * under {@code /ogc}: the public offers, communes, départements and coverage collections.
 * Its public face ({@code PublicCollections}, {@code FeaturePage}, {@code PublicLinks})
 * serves the tiles and exports too.
 */
@ApplicationModule(displayName = "OGC API Features", allowedDependencies = { "coverage", "offers", "shared" })
package fr.proxima.ogc;

import org.springframework.modulith.ApplicationModule;
