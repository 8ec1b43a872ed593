package fr.proxima.offers;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The import-vs-edit rule, applied around every import that writes offers, inside its
 * transaction (docs/accounts.md):
 * <ul>
 * <li>register-owned fields (name, category, family, audience, address, commune,
 * location, organisation) are updated by the import; when one of the address or location
 * of an offer its organisation maintains changes, a conflict is listed (the register's
 * value is kept);</li>
 * <li>a field the organisation took over (phone, e-mail, website, places, zone) keeps the
 * organisation's value; when the register's own value changed since the last import, a
 * conflict is listed (the organisation's value is kept);</li>
 * <li>the verified date never goes back.</li>
 * </ul>
 * Conflicts are stored until the organisation resolves them, and returned for the import
 * report. The same file imported again lists nothing new.
 */
@Service
public class RegisterClaims {

	/** What the store held before the import. */
	public record Before(List<Claim> claims, Map<Long, OfferFields.State> maintained,
			Map<Long, OffsetDateTime> verified) {
	}

	record Claim(long offerId, EditableField field, String organisationValue, String registerValue) {
	}

	private final JdbcTemplate jdbc;

	private final OfferFields fields;

	RegisterClaims(JdbcTemplate jdbc, OfferFields fields) {
		this.jdbc = jdbc;
		this.fields = fields;
	}

	public Before before() {
		List<Claim> claims = jdbc.query(
				"SELECT offer_id, field, organisation_value, register_value FROM offer_claim ORDER BY offer_id, field",
				(rs, i) -> new Claim(rs.getLong(1), EditableField.valueOf(rs.getString(2)), rs.getString(3),
						rs.getString(4)));
		Set<Long> ids = new HashSet<>(jdbc.queryForList("SELECT DISTINCT offer_id FROM offer_edit", Long.class));
		claims.forEach(c -> ids.add(c.offerId()));
		Map<Long, OffsetDateTime> verified = new java.util.HashMap<>();
		jdbc.query("SELECT id, verified_at FROM offer WHERE verified_at IS NOT NULL AND id IN"
				+ " (SELECT offer_id FROM offer_edit)", rs -> {
					verified.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class));
				});
		return new Before(claims, fields.states(ids), verified);
	}

	/** Restores the organisations' values, stores and returns the conflicts. */
	public List<RegisterConflict> after(Before before, String source) {
		Map<Long, OfferFields.State> now = fields.states(before.maintained().keySet());
		OffsetDateTime at = OffsetDateTime.now();
		List<RegisterConflict> conflicts = new ArrayList<>();
		for (Claim c : before.claims()) {
			OfferFields.State state = now.get(c.offerId());
			String current = state == null ? null : state.values().get(c.field());
			if (state == null || Objects.equals(current, c.organisationValue())) {
				continue;
			}
			fields.write(c.offerId(), c.field(), c.organisationValue());
			if (!Objects.equals(current, c.registerValue())) {
				jdbc.update("UPDATE offer_claim SET register_value = ? WHERE offer_id = ? AND field = ?", current,
						c.offerId(), c.field().name());
				conflicts
					.add(store(state, c.field().apiName, c.organisationValue(), current, "organisation", source, at));
			}
		}
		before.maintained().forEach((id, old) -> {
			OfferFields.State state = now.get(id);
			if (state != null && !Objects.equals(old.address(), state.address())) {
				conflicts.add(store(state, "address", old.address(), state.address(), "register", source, at));
			}
			if (state != null && !Objects.equals(old.location(), state.location())) {
				conflicts.add(store(state, "location", old.location(), state.location(), "register", source, at));
			}
		});
		before.verified()
			.forEach((id, verified) -> jdbc.update(
					"UPDATE offer SET verified_at = ? WHERE id = ? AND (verified_at IS NULL OR verified_at < ?)",
					verified, id, verified));
		return conflicts;
	}

	private RegisterConflict store(OfferFields.State state, String field, String organisationValue,
			String registerValue, String kept, String source, OffsetDateTime at) {
		jdbc.update(
				"INSERT INTO offer_conflict (offer_id, organisation_id, field, organisation_value,"
						+ " register_value, kept, source_name, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				state.id(), state.organisationId(), field, organisationValue, registerValue, kept, source, at);
		long id = jdbc.queryForObject("SELECT MAX(id) FROM offer_conflict WHERE offer_id = ?", Long.class, state.id());
		return new RegisterConflict(id, state.id(), state.name(), state.organisationId(), field, organisationValue,
				registerValue, kept, source, at);
	}

}
