package fr.proxima.tours;

import java.util.List;

import fr.proxima.accounts.Actor;
import fr.proxima.accounts.Permissions;
import fr.proxima.accounts.Role;
import fr.proxima.shared.NotFoundException;
import fr.proxima.tours.internal.AuditLog;
import fr.proxima.tours.internal.TourStore;
import org.springframework.stereotype.Component;

/**
 * The object-level rule of tour data, in one place: visit locations and times go only to
 * the coordinators of the owning organisation (not to admins, planners or other
 * organisations). Every granted read and every refused attempt is written to the audit
 * log.
 */
@Component
class ToursAccess {

	private final Permissions permissions;

	private final TourStore store;

	private final AuditLog audit;

	ToursAccess(Permissions permissions, TourStore store, AuditLog audit) {
		this.permissions = permissions;
		this.store = store;
		this.audit = audit;
	}

	static boolean coordinates(Actor actor, long organisationId) {
		return actor.has(Role.COORDINATOR) && actor.organisations().contains(organisationId);
	}

	/**
	 * The current actor when it coordinates that organisation: 401 anonymous, 403 other
	 * users, 404 an organisation that does not exist.
	 */
	Actor coordinator(long organisationId) {
		Actor actor = permissions.requireSignedIn();
		if (!coordinates(actor, organisationId)) {
			if (store.organisationExists(organisationId)) {
				audit.record(organisationId, List.of(), actor, "denied");
			}
			throw Permissions
				.forbidden("Only coordinators of organisation " + organisationId + " read or change its tours");
		}
		if (!store.organisationExists(organisationId)) {
			throw new NotFoundException("No organisation " + organisationId);
		}
		return actor;
	}

	/**
	 * The tour when the current actor coordinates its organisation, after writing the
	 * read to the audit log; 401 anonymous, 404 for a tour that does not exist or belongs
	 * to another organisation (a guessed id learns nothing).
	 */
	Tour tour(long id, String action) {
		Actor actor = permissions.requireSignedIn();
		Long owner = store.owner(id).orElse(null);
		if (owner == null || !coordinates(actor, owner)) {
			if (owner != null) {
				audit.record(owner, List.of(id), actor, "denied");
			}
			throw new NotFoundException("No tour " + id + " among the tours you coordinate");
		}
		audit.record(owner, List.of(id), actor, action);
		return store.find(id).orElseThrow(() -> new NotFoundException("No tour " + id));
	}

	void record(long organisationId, List<Long> tourIds, Actor actor, String action) {
		audit.record(organisationId, tourIds, actor, action);
	}

	/** Coordinators of the organisation and admins read its audit log. */
	Actor auditReader(long organisationId) {
		Actor actor = permissions.requireSignedIn();
		if (!actor.isAdmin() && !coordinates(actor, organisationId)) {
			throw Permissions
				.forbidden("Only coordinators of organisation " + organisationId + " and admins read its audit log");
		}
		return actor;
	}

}
