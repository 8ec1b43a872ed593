package fr.proxima.accounts;

import fr.proxima.accounts.internal.ActorAuthentication;
import fr.proxima.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What the current user may do; the one place other modules ask. The answer reflects the
 * store at the start of the request (a disabled user, a removed role or membership take
 * effect on the next request, sessions included).
 */
@Service
public class Permissions {

	/** Set on the request by Spring Security's filter chain while it runs. */
	private static final String CHAIN_APPLIED = FilterChainProxy.class.getName() + ".APPLIED";

	/**
	 * The current actor; {@link Actor#SYSTEM} for code that runs outside the security
	 * chain (the command line, the first start, background work), never for a web
	 * request.
	 */
	public Actor current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth instanceof ActorAuthentication a) {
			return a.actor();
		}
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		boolean inChain = request != null
				&& request.getAttribute(CHAIN_APPLIED, RequestAttributes.SCOPE_REQUEST) != null;
		return auth == null && !inChain ? Actor.SYSTEM : Actor.ANONYMOUS;
	}

	public boolean canEditOrganisation(long organisationId) {
		return current().canEditOrganisation(organisationId);
	}

	/**
	 * The current actor when it may edit that organisation's offers; 401 for the
	 * anonymous public, 403 otherwise.
	 */
	public Actor requireOrganisationEditor(long organisationId) {
		Actor actor = requireSignedIn();
		if (!actor.canEditOrganisation(organisationId)) {
			throw forbidden("Only contributors of organisation " + organisationId + " (or an admin) may do this");
		}
		return actor;
	}

	/** The current actor when it is a planner or an admin; 401 or 403 otherwise. */
	public Actor requirePlanner() {
		Actor actor = requireSignedIn();
		if (!actor.isPlanner()) {
			throw forbidden("This needs the planner role");
		}
		return actor;
	}

	public Actor requireSignedIn() {
		Actor actor = current();
		if (actor.isAnonymous()) {
			throw new InvalidInputException(HttpStatus.UNAUTHORIZED, "Sign in or send a personal API token first");
		}
		return actor;
	}

	public static InvalidInputException forbidden(String detail) {
		return new InvalidInputException(HttpStatus.FORBIDDEN, detail);
	}

}
