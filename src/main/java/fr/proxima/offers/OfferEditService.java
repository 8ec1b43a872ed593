package fr.proxima.offers;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import fr.proxima.accounts.Actor;
import fr.proxima.accounts.Permissions;
import fr.proxima.shared.InvalidInputException;
import fr.proxima.shared.NotFoundException;
import fr.proxima.shared.OffersChanged;
import fr.proxima.shared.Paging;
import fr.proxima.shared.ResultPage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * An organisation's contributors edit what the register does not know or gets wrong on
 * their own offers; every change is kept in the history (who, when, which field, old and
 * new value) and marks the offer verified. A field that a register also supplies becomes
 * the organisation's: see {@link RegisterClaims}.
 */
@Service
public class OfferEditService {

	/** One line of the history. */
	public record Edit(long id, long offerId, String offerName, String field, String oldValue, String newValue,
			String by, OffsetDateTime at) {
	}

	private final OfferFields fields;

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	private final ApplicationEventPublisher events;

	OfferEditService(OfferFields fields, JdbcTemplate jdbc, Permissions permissions, ApplicationEventPublisher events) {
		this.fields = fields;
		this.jdbc = jdbc;
		this.permissions = permissions;
		this.events = events;
	}

	/**
	 * The state of an offer the actor may edit; 404 when unknown, 401/403 when not its.
	 */
	OfferFields.State editable(long offerId) {
		OfferFields.State state = fields.state(offerId);
		if (state == null) {
			throw new NotFoundException("Unknown offer " + offerId);
		}
		if (state.organisationId() == null) {
			Actor actor = permissions.requireSignedIn();
			if (!actor.isAdmin()) {
				throw Permissions.forbidden("Offer " + offerId + " has no organisation: only an admin may edit it");
			}
		}
		else {
			permissions.requireOrganisationEditor(state.organisationId());
		}
		return state;
	}

	/**
	 * Applies the fields present in the body (null clears one); returns the fields that
	 * changed. Places or free places given without {@code placesGivenAt} are dated today.
	 */
	@Transactional
	public Map<String, String> edit(long offerId, JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new InvalidInputException("Send a JSON object of the fields to change");
		}
		OfferFields.State state = editable(offerId);
		Map<EditableField, String> wanted = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> e : body.properties()) {
			EditableField f = EditableField.fromApiName(e.getKey());
			if (f.ownOffersOnly() && !OrganisationSelfService.SOURCE.equals(state.sourceName())) {
				throw Permissions.forbidden("'" + f.apiName + "' of offer " + offerId + " belongs to its register ("
						+ state.sourceName() + "): only offers the organisation" + " created can be renamed or moved");
			}
			wanted.put(f, f.text(e.getValue()));
		}
		boolean placesChanged = changed(state, wanted, EditableField.PLACES)
				|| changed(state, wanted, EditableField.FREE_PLACES);
		if (placesChanged && !wanted.containsKey(EditableField.PLACES_GIVEN_AT)) {
			wanted.put(EditableField.PLACES_GIVEN_AT, LocalDate.now().toString());
		}
		String places = wanted.getOrDefault(EditableField.PLACES, state.values().get(EditableField.PLACES));
		String free = wanted.getOrDefault(EditableField.FREE_PLACES, state.values().get(EditableField.FREE_PLACES));
		if (places != null && free != null && Integer.parseInt(free) > Integer.parseInt(places)) {
			throw new InvalidInputException("freePlaces: more free places (" + free + ") than places (" + places + ")");
		}
		Actor actor = permissions.current();
		OffsetDateTime now = OffsetDateTime.now();
		Map<String, String> done = new LinkedHashMap<>();
		wanted.forEach((f, value) -> {
			String old = state.values().get(f);
			if (Objects.equals(old, value)) {
				return;
			}
			fields.write(offerId, f, value);
			record(state, actor, now, f.apiName, old, value);
			if (f.registerAlsoSupplies) {
				claim(offerId, f, old, value, now);
			}
			done.put(f.apiName, value);
		});
		if (!done.isEmpty()) {
			jdbc.update("UPDATE offer SET verified_at = ? WHERE id = ?", now, state.id());
			// places and zones change coverage; tiles and caches follow the event
			OffersChanged.publishAfterCommit(events, "offer " + offerId + " edited by its organisation");
		}
		return done;
	}

	/** "Still accurate": the organisation confirms its offer as it is. */
	@Transactional
	public void confirm(long offerId) {
		verified(editable(offerId), permissions.current(), OffsetDateTime.now());
	}

	/** The edits of an organisation's offers, newest first. */
	@Transactional(readOnly = true)
	public ResultPage<Edit> history(long organisationId, Paging paging) {
		requireMemberOrAdmin(organisationId);
		long total = jdbc.queryForObject("SELECT COUNT(*) FROM offer_edit WHERE organisation_id = ?", Long.class,
				organisationId);
		List<Edit> edits = jdbc.query(
				"SELECT e.id, e.offer_id, o.name, e.field, e.old_value, e.new_value,"
						+ " e.user_email, e.edited_at FROM offer_edit e JOIN offer o ON o.id = e.offer_id"
						+ " WHERE e.organisation_id = ? ORDER BY e.edited_at DESC, e.id DESC LIMIT ? OFFSET ?",
				(rs, i) -> new Edit(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class)),
				organisationId, paging.limit(), paging.offset());
		return ResultPage.of(edits, total, paging);
	}

	/**
	 * Members of the organisation (any role) and admins see its history and conflicts.
	 */
	Actor requireMemberOrAdmin(long organisationId) {
		Actor actor = permissions.requireSignedIn();
		if (!actor.isAdmin() && !actor.organisations().contains(organisationId)) {
			throw Permissions.forbidden("Only members of organisation " + organisationId + " (or an admin) see this");
		}
		return actor;
	}

	void record(OfferFields.State state, Actor actor, OffsetDateTime now, String field, String old, String value) {
		jdbc.update(
				"INSERT INTO offer_edit (offer_id, organisation_id, user_id, user_email, edited_at, field,"
						+ " old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				state.id(), state.organisationId(), actor.userId(), actor.name(), now, field, old, value);
	}

	private void verified(OfferFields.State state, Actor actor, OffsetDateTime now) {
		jdbc.update("UPDATE offer SET verified_at = ? WHERE id = ?", now, state.id());
		record(state, actor, now, "verifiedAt", null, now.toString());
	}

	/**
	 * The organisation takes the field over; the register's value is the one it had
	 * before the first edit.
	 */
	private void claim(long offerId, EditableField f, String old, String value, OffsetDateTime now) {
		if (jdbc.update(
				"UPDATE offer_claim SET organisation_value = ?, claimed_at = ? WHERE offer_id = ? AND field = ?", value,
				now, offerId, f.name()) == 0) {
			jdbc.update("INSERT INTO offer_claim (offer_id, field, organisation_value, register_value, claimed_at)"
					+ " VALUES (?, ?, ?, ?, ?)", offerId, f.name(), value, old, now);
		}
	}

	private static boolean changed(OfferFields.State state, Map<EditableField, String> wanted, EditableField f) {
		return wanted.containsKey(f) && !Objects.equals(wanted.get(f), state.values().get(f));
	}

}
