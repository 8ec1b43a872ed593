/**
 * Travel times on the road network (GraphHopper, used only in {@code routing.internal})
 * or by a labelled estimate: routes, isochrones, matrices, nearest offers and the
 * precomputed offer × commune times.
 */
@ApplicationModule(displayName = "Routing", allowedDependencies = { "offers", "territory", "shared" })
package fr.proxima.routing;

import org.springframework.modulith.ApplicationModule;
