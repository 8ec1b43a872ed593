package fr.proxima.offers;

import java.time.OffsetDateTime;

/**
 * What a re-import found against an organisation's own data: a field the organisation
 * took over whose register value changed (the organisation's value was {@code kept}), or
 * a register-owned field that moved under an offer the organisation maintains (the
 * register's value was {@code kept}).
 *
 * @param kept "organisation" or "register"
 */
public record RegisterConflict(long id, long offerId, String offerName, Long organisationId, String field,
		String organisationValue, String registerValue, String kept, String source, OffsetDateTime detectedAt) {
}
