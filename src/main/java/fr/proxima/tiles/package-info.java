/**
 * Vector tiles (MVT) of the public layers under {@code /tiles}, with TileJSON, ETags and
 * a disk cache emptied on every data change; the self-hosted basemap built from the OSM
 * extract.
 */
@ApplicationModule(displayName = "Vector tiles", allowedDependencies = { "ogc", "shared" })
package fr.proxima.tiles;

import org.springframework.modulith.ApplicationModule;
