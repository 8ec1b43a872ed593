package fr.proxima.offers;

/** An organisation (legal entity, FINESS EJ) with the number of offers it runs. */
record OrganisationSummary(long id, String finessEj, String siren, String name, String type, long offerCount) {

}
