package fr.proxima.ogc.internal;

import java.util.List;
import java.util.Optional;

import static fr.proxima.ogc.internal.CollectionDef.types;

/**
 * The public collections: offers, communes, départements and the coverage of communes for
 * a family and a threshold. Nothing here is about people, visits or caregivers' routes:
 * only published offers and official territories.
 */
public final class Catalog {

	public static final String OFFERS = "offers";

	public static final String COMMUNES = "communes";

	public static final String DEPARTEMENTS = "departements";

	public static final String COVERAGE = "coverage";

	private static final String DEPARTEMENT_FILTER = "département code (INSEE), e.g. 48";

	public static final List<CollectionDef> ALL = List.of(
			new CollectionDef(OFFERS, "Offers",
					"Public home-care, housing and inclusion offers for elderly and disabled people (FINESS and local"
							+ " lists), located at their premises; offers known by their zone only have no geometry",
					"Point",
					types("family", "offer family code, e.g. ehpad or ssiad (comma-separated for several)", "audience",
							"elderly, disabled or all (elderly and disabled also keep offers for all)", "commune",
							"INSEE code of the commune the offer is in or declares in its zone", "departement",
							DEPARTEMENT_FILTER),
					"source_date",
					types("id", "integer", "finess_et", "string", "name", "string", "family", "string", "audience",
							"string", "category_code", "string", "category_label", "string", "capacity", "integer",
							"address", "string", "postal_code", "string", "city", "string", "commune_code", "string",
							"departement", "string", "phone", "string", "email", "string", "website", "string",
							"organisation_id", "integer", "organisation_name", "string", "source_name", "string",
							"source_date", "date", "verified_at", "date")),
			new CollectionDef(COMMUNES, "Communes",
					"Communes (official geographic code) with their census population and offer indicators;"
							+ " display-simplified polygons",
					"MultiPolygon", types("commune", "INSEE code of the commune", "departement", DEPARTEMENT_FILTER),
					null,
					types("code", "string", "name", "string", "departement", "string", "cog_year", "integer",
							"census_year", "integer", "population", "integer", "aged_75_plus", "integer",
							"aged_85_plus", "integer", "offers", "integer", "home_care_zones", "integer")),
			new CollectionDef(DEPARTEMENTS, "Départements", "Départements with their population", "MultiPolygon",
					types("departement", DEPARTEMENT_FILTER), null,
					types("code", "string", "name", "string", "communes", "integer", "population", "integer",
							"aged_75_plus", "integer")),
			new CollectionDef(COVERAGE, "Coverage",
					"Coverage of each commune of the reported départements by the offers of a family within a"
							+ " threshold: minutes to the nearest offer, covered or not, people covered. Collection"
							+ " parameters: family (default ehpad), minutes (default 30) and departement (default 48)",
					"MultiPolygon",
					types("family", "offer families whose coverage is computed (comma-separated; default ehpad)",
							"minutes", "threshold T in minutes, 0 < T ≤ 120 (default 30)", "departement",
							"reported départements (comma-separated; default 48)"),
					null,
					types("code", "string", "name", "string", "departement", "string", "families", "string",
							"threshold_minutes", "number", "minutes", "number", "nearest_offer_id", "integer",
							"nearest_offer_name", "string", "covered", "boolean", "population", "integer",
							"aged_75_plus", "integer", "aged_85_plus", "integer", "covered_population", "integer",
							"covered_aged_75_plus", "integer", "covered_aged_85_plus", "integer", "method", "string")));

	private Catalog() {
	}

	public static Optional<CollectionDef> find(String id) {
		return ALL.stream().filter(c -> c.id().equals(id)).findFirst();
	}

}
