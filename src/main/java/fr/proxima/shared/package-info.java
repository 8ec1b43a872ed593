/**
 * Cross-cutting pieces every module may use: GeoJSON writing and reading, bounding boxes,
 * paging, the read API's SQL settings, problem-detail exceptions and the
 * {@code OffersChanged} event. Depends on no other module.
 */
@ApplicationModule(displayName = "Shared", allowedDependencies = {})
package fr.proxima.shared;

import org.springframework.modulith.ApplicationModule;
