package fr.proxima.offers;

import java.util.List;

/**
 * An organisation with its offers (at most the API's maximum page size;
 * {@code offersLink} lists them all with paging).
 */
record OrganisationDetail(long id, String finessEj, String siren, String name, String type, long offerCount,
		String offersLink, List<OfferSummary> offers) {

}
