package fr.proxima.offers;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import fr.proxima.accounts.Actor;
import fr.proxima.accounts.Permissions;
import fr.proxima.shared.Geo;
import fr.proxima.shared.InvalidInputException;
import fr.proxima.shared.NotFoundException;
import fr.proxima.shared.OffersChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An organisation's own page: its offers, the conflicts re-imports found, the offers it
 * creates itself (those FINESS does not list: habitat inclusif, accueil familial…).
 */
@Service
public class OrganisationSelfService {

	/** What an organisation's members see. */
	public record Page(OrganisationSummary organisation, List<OfferDetail> offers, List<RegisterConflict> conflicts,
			boolean editable) {
	}

	/** A new offer: where, what, and any editable field ({@link EditableField}). */
	public record NewOffer(String name, String family, String audience, String address, String postalCode, String city,
			String communeCode, Double lon, Double lat, ObjectNode fields) {
	}

	public static final String SOURCE = "organisation";

	private final JdbcTemplate jdbc;

	private final OfferSearch search;

	private final OfferEditService edits;

	private final OfferFields fields;

	private final Permissions permissions;

	private final ApplicationEventPublisher events;

	OrganisationSelfService(JdbcTemplate jdbc, OfferSearch search, OfferEditService edits, OfferFields fields,
			Permissions permissions, ApplicationEventPublisher events) {
		this.fields = fields;
		this.jdbc = jdbc;
		this.search = search;
		this.edits = edits;
		this.permissions = permissions;
		this.events = events;
	}

	/** The organisations the actor belongs to. */
	public List<OrganisationSummary> mine() {
		Actor actor = permissions.requireSignedIn();
		return actor.organisations().stream().sorted().map(this::summary).toList();
	}

	@Transactional(readOnly = true)
	public Page page(long organisationId) {
		Actor actor = edits.requireMemberOrAdmin(organisationId);
		OrganisationSummary org = summary(organisationId);
		List<OfferDetail> offers = search.byOrganisation(organisationId);
		return new Page(org, offers, conflicts(organisationId), actor.canEditOrganisation(organisationId));
	}

	public List<RegisterConflict> conflicts(long organisationId) {
		return jdbc.query(
				"SELECT c.id, c.offer_id, o.name, c.organisation_id, c.field, c.organisation_value, c.register_value,"
						+ " c.kept, c.source_name, c.detected_at FROM offer_conflict c JOIN offer o ON o.id = c.offer_id"
						+ " WHERE c.organisation_id = ? AND c.resolved_at IS NULL ORDER BY c.detected_at DESC, c.id",
				(rs, i) -> new RegisterConflict(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
						rs.getObject(10, OffsetDateTime.class)),
				organisationId);
	}

	/**
	 * Closes a conflict: {@code register} takes the register's value (and gives the field
	 * back to the register), {@code organisation} keeps the organisation's.
	 */
	@Transactional
	public void resolve(long conflictId, String keep) {
		List<RegisterConflict> found = jdbc.query(
				"SELECT id, offer_id, organisation_id, field, organisation_value, register_value, kept"
						+ " FROM offer_conflict WHERE id = ? AND resolved_at IS NULL",
				(rs, i) -> new RegisterConflict(rs.getLong(1), rs.getLong(2), null, rs.getLong(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7), null, null),
				conflictId);
		if (found.isEmpty()) {
			throw new NotFoundException("Unknown or resolved conflict " + conflictId);
		}
		RegisterConflict c = found.get(0);
		Actor actor = permissions.requireOrganisationEditor(c.organisationId());
		if ("register".equals(keep) && "organisation".equals(c.kept())) {
			EditableField field = EditableField.fromApiName(c.field());
			OfferFields.State state = edits.editable(c.offerId());
			fields.write(c.offerId(), field, c.registerValue());
			jdbc.update("DELETE FROM offer_claim WHERE offer_id = ? AND field = ?", c.offerId(), field.name());
			edits.record(state, actor, OffsetDateTime.now(), field.apiName, state.values().get(field),
					c.registerValue());
		}
		else if (!"organisation".equals(keep) && !"register".equals(keep)) {
			throw new InvalidInputException("keep: expected 'organisation' or 'register'");
		}
		jdbc.update("UPDATE offer_conflict SET resolved_at = ?, resolved_by = ? WHERE id = ?", OffsetDateTime.now(),
				actor.name(), conflictId);
	}

	@Transactional
	public long create(long organisationId, NewOffer o) {
		permissions.requireOrganisationEditor(organisationId);
		summary(organisationId);
		String name = o.name() == null ? "" : o.name().trim();
		if (name.isEmpty() || name.length() > 255) {
			throw new InvalidInputException("name: 1 to 255 characters");
		}
		Family family = Family.fromCode(o.family());
		Audience audience = o.audience() == null ? Audience.ALL : Audience.fromCode(o.audience());
		if ((o.lon() == null) != (o.lat() == null)) {
			throw new InvalidInputException("lon and lat go together");
		}
		String commune = o.communeCode() == null || o.communeCode().isBlank() ? null : o.communeCode().trim();
		if (commune != null && !commune.matches("\\d[\\dAB]\\d{3}")) {
			throw new InvalidInputException("communeCode: an INSEE code of 5 characters");
		}
		String ref = "org:" + organisationId + ":" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.update(
				"INSERT INTO offer (source_ref, organisation_id, name, family, audience, address, postal_code,"
						+ " city, commune_code, geom, source_name, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
						+ " ST_GeomFromText(?, 4326), ?, ?)",
				ref, organisationId, name, family.code(), audience.code(), blank(o.address(), 500),
				blank(o.postalCode(), 5), blank(o.city(), 150), commune,
				o.lon() == null ? null : Geo.point(o.lon(), o.lat()).toText(), SOURCE, OffsetDateTime.now());
		long id = jdbc.queryForObject("SELECT id FROM offer WHERE source_ref = ?", Long.class, ref);
		edits.edit(id, o.fields() == null ? JsonNodeFactory.instance.objectNode() : o.fields());
		OfferFields.State state = edits.editable(id);
		edits.record(state, permissions.current(), OffsetDateTime.now(), "created", null, name);
		OffersChanged.publishAfterCommit(events, "offer created by organisation " + organisationId);
		return id;
	}

	private OrganisationSummary summary(long id) {
		List<OrganisationSummary> found = jdbc.query(
				"SELECT " + OfferSearch.ORGANISATION_COLUMNS + " FROM organisation g WHERE g.id = ?",
				(rs, i) -> OfferSearch.organisation(rs), id);
		if (found.isEmpty()) {
			throw new NotFoundException("Unknown organisation " + id);
		}
		return found.get(0);
	}

	private static String blank(String s, int max) {
		String t = s == null ? null : s.trim();
		if (t != null && t.length() > max) {
			throw new InvalidInputException("at most " + max + " characters: '" + t + "'");
		}
		return t == null || t.isEmpty() ? null : t;
	}

}
