package fr.proxima.accounts;

import java.util.Set;

/**
 * Who makes the current request, as it is in the store now: a user (with its roles and
 * organisations), the admin token, the anonymous public, or the system (code running
 * outside any web request: the command line, the first start, background work).
 *
 * @param userId null for the anonymous public, the admin token and the system
 */
public record Actor(Long userId, String email, Set<Role> roles, Set<Long> organisations) {

	public static final Actor ANONYMOUS = new Actor(null, null, Set.of(), Set.of());

	public static final Actor SYSTEM = new Actor(null, "system", Set.of(Role.ADMIN), Set.of());

	/** The automation credential {@code X-Proxima-Admin-Token}. */
	public static final Actor ADMIN_TOKEN = new Actor(null, "admin-token", Set.of(Role.ADMIN), Set.of());

	public Actor {
		roles = Set.copyOf(roles);
		organisations = Set.copyOf(organisations);
	}

	public boolean isAnonymous() {
		return roles.isEmpty() && userId == null;
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean isAdmin() {
		return has(Role.ADMIN);
	}

	/** Admins, and contributors of that organisation. */
	public boolean canEditOrganisation(long organisationId) {
		return isAdmin() || (has(Role.CONTRIBUTOR) && organisations.contains(organisationId));
	}

	/** Admins, and coordinators of that organisation. */
	public boolean canCoordinate(long organisationId) {
		return isAdmin() || (has(Role.COORDINATOR) && organisations.contains(organisationId));
	}

	/** Admins, and planners. */
	public boolean isPlanner() {
		return isAdmin() || has(Role.PLANNER);
	}

	/** Who did it, for histories: the e-mail, or "admin-token" / "system". */
	public String name() {
		return email == null ? "anonymous" : email;
	}

}
