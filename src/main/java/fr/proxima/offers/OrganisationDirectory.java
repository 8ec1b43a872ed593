package fr.proxima.offers;

import java.util.List;

import fr.proxima.shared.ApiSettings;
import fr.proxima.shared.NotFoundException;
import fr.proxima.shared.Paging;
import fr.proxima.shared.ReadSql;
import fr.proxima.shared.ResultPage;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/** Organisations (legal entities) and the offers each one runs. */
@Service
class OrganisationDirectory {

	private static final String SELECT = "SELECT " + OfferSearch.ORGANISATION_COLUMNS + " FROM organisation g";

	private final NamedParameterJdbcTemplate jdbc;

	private final OfferSearch offers;

	private final ApiSettings settings;

	OrganisationDirectory(ReadSql sql, OfferSearch offers, ApiSettings settings) {
		this.jdbc = sql.jdbc();
		this.offers = offers;
		this.settings = settings;
	}

	ResultPage<OrganisationSummary> list(Paging paging) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		long total = jdbc.queryForObject("SELECT COUNT(*) FROM organisation", params, Long.class);
		params.addValue("limit", paging.limit()).addValue("offset", paging.offset());
		List<OrganisationSummary> items = jdbc.query(
				SELECT + " ORDER BY g.name, g.id OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY", params,
				(rs, i) -> OfferSearch.organisation(rs));
		return ResultPage.of(items, total, paging);
	}

	OrganisationDetail byId(long id) {
		return withOffers(find("g.id = :key", id, "No organisation with id " + id));
	}

	OrganisationDetail byFiness(String finessEj) {
		return withOffers(find("g.finess_ej = :key", finessEj, "No organisation with FINESS EJ number " + finessEj));
	}

	private OrganisationSummary find(String condition, Object key, String notFound) {
		List<OrganisationSummary> found = jdbc.query(SELECT + " WHERE " + condition,
				new MapSqlParameterSource("key", key), (rs, i) -> OfferSearch.organisation(rs));
		if (found.isEmpty()) {
			throw new NotFoundException(notFound);
		}
		return found.get(0);
	}

	private OrganisationDetail withOffers(OrganisationSummary o) {
		List<OfferSummary> first = offers
			.search(OfferFilter.ofOrganisation(o.id()), new Paging(settings.maxLimit(), 0), false)
			.items();
		return new OrganisationDetail(o.id(), o.finessEj(), o.siren(), o.name(), o.type(), o.offerCount(),
				"/api/offers?organisation=" + o.id(), first);
	}

}
