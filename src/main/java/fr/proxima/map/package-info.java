/**
 * The map pages' server side: the settings the pages read (basemap tile URL and
 * attribution), and the embeddable widget's pages with their frame and CORS policy.
 */
@ApplicationModule(displayName = "Map", allowedDependencies = {})
package fr.proxima.map;

import org.springframework.modulith.ApplicationModule;
