/**
 * Caregiver tours ("tournées") of home-care services: their visits, their computation on
 * the road network, their optimisation (jsprit, in {@code tours.internal}), the audit of
 * every read and the suppressed per-commune aggregates that are the only tour figures
 * planners and the public see. Visit locations and times go only to the coordinators of
 * the owning organisation; this module is the one place that rule is enforced.
 */
@ApplicationModule(displayName = "Tours", allowedDependencies = { "accounts", "routing", "shared" })
package fr.proxima.tours;

import org.springframework.modulith.ApplicationModule;
