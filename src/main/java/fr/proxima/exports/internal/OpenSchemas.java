package fr.proxima.exports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.proxima.shared.ReadSql;
import org.springframework.stereotype.Component;

/**
 * The public offers in the open referral schemas: Open Referral HSDS 3.0 (organizations,
 * services, locations, service_at_locations, service_areas, with the families as a
 * taxonomy) and the French data·inclusion schema (structures and services with
 * {@code thematiques}, {@code profils} and the mandatory {@code date_maj}). The family →
 * thematiques mapping is data: {@code gis/data_inclusion_families.csv}. Ids are
 * name-based UUIDs, stable across exports.
 */
@Component
public class OpenSchemas {

	private static final String OFFERS = "SELECT o.id, o.finess_et, o.name, o.family, o.audience, o.category_label,"
			+ " o.capacity, o.address, o.postal_code, o.city, o.commune_code, o.phone, o.email, o.website,"
			+ " ST_X(o.geom) AS lon, ST_Y(o.geom) AS lat, o.source_name, o.source_date,"
			+ " CAST(o.imported_at AS DATE) AS imported_on, CAST(o.verified_at AS DATE) AS verified_on,"
			+ " g.id AS org_id, g.name AS org_name, g.siren, g.finess_ej FROM offer o"
			+ " LEFT JOIN organisation g ON g.id = o.organisation_id ORDER BY o.id";

	private final ReadSql sql;

	private final Map<String, List<String>> thematiques;

	OpenSchemas(ReadSql sql) {
		this.sql = sql;
		this.thematiques = thematiques();
	}

	/** HSDS 3.0 tables as JSON arrays. */
	public Map<String, Object> hsds() {
		List<Map<String, Object>> organizations = new ArrayList<>();
		List<Map<String, Object>> services = new ArrayList<>();
		List<Map<String, Object>> locations = new ArrayList<>();
		List<Map<String, Object>> serviceAtLocations = new ArrayList<>();
		List<Map<String, Object>> serviceAreas = new ArrayList<>();
		List<Map<String, Object>> terms = new ArrayList<>();
		List<Map<String, Object>> attributes = new ArrayList<>();
		Map<Long, String> orgIds = new LinkedHashMap<>();
		Map<String, String> termIds = new HashMap<>();
		String taxonomy = uuid("taxonomy", "families");
		Map<Long, List<String>> zones = zones();
		sql.jdbc().getJdbcTemplate().query(OFFERS, (ResultSet rs) -> {
			long id = rs.getLong("id");
			String service = uuid("service", id);
			long org = rs.getLong("org_id");
			boolean hasOrg = !rs.wasNull();
			if (hasOrg && !orgIds.containsKey(org)) {
				orgIds.put(org, uuid("organization", org));
				Map<String, Object> o = new LinkedHashMap<>();
				o.put("id", orgIds.get(org));
				o.put("name", rs.getString("org_name"));
				o.put("description", "Legal entity"
						+ (rs.getString("finess_ej") == null ? "" : " FINESS EJ " + rs.getString("finess_ej")));
				o.put("identifiers",
						rs.getString("siren") == null ? List.of()
								: List.of(Map.of("id", uuid("identifier", org), "identifier_scheme", "FR-SIREN",
										"identifier_type", "SIREN", "identifier", rs.getString("siren"))));
				organizations.add(o);
			}
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("id", service);
			s.put("organization_id", hasOrg ? orgIds.get(org) : null);
			s.put("name", rs.getString("name"));
			s.put("description", rs.getString("category_label"));
			s.put("status", "active");
			s.put("email", rs.getString("email"));
			s.put("url", rs.getString("website"));
			s.put("last_modified", date(rs) + "T00:00:00Z");
			s.put("phones", rs.getString("phone") == null ? List.of()
					: List.of(Map.of("id", uuid("phone", id), "number", rs.getString("phone"))));
			services.add(s);
			String family = rs.getString("family");
			String term = termIds.computeIfAbsent(family, f -> {
				String t = uuid("term", f);
				terms.add(Map.of("id", t, "code", f, "name", f, "description", "Proxima offer family " + f,
						"taxonomy_id", taxonomy));
				return t;
			});
			attributes.add(Map.of("id", uuid("attribute", id), "link_id", service, "link_type", "service",
					"link_entity", "service", "taxonomy_term_id", term));
			double lon = rs.getDouble("lon");
			if (!rs.wasNull()) {
				String location = uuid("location", id);
				Map<String, Object> l = new LinkedHashMap<>();
				l.put("id", location);
				l.put("location_type", "physical");
				l.put("name", rs.getString("name"));
				l.put("latitude", rs.getDouble("lat"));
				l.put("longitude", lon);
				l.put("addresses", List.of(address(rs, id)));
				locations.add(l);
				serviceAtLocations
					.add(Map.of("id", uuid("service_at_location", id), "service_id", service, "location_id", location));
			}
			List<String> zone = zones.get(id);
			if (zone != null) {
				serviceAreas.add(Map.of("id", uuid("service_area", id), "service_id", service, "name",
						"Declared intervention zone", "description", "INSEE commune codes: " + String.join(", ", zone),
						"extent_type", "other"));
			}
		});
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("schema", "Open Referral HSDS 3.0");
		out.put("organizations", organizations);
		out.put("services", services);
		out.put("locations", locations);
		out.put("service_at_locations", serviceAtLocations);
		out.put("service_areas", serviceAreas);
		out.put("taxonomies", List.of(Map.of("id", taxonomy, "name", "Proxima offer families", "description",
				"Families of home-care, housing and inclusion offers (see Proxima docs/ogc.md)")));
		out.put("taxonomy_terms", terms);
		out.put("attributes", attributes);
		return out;
	}

	/** data·inclusion structures (organisations) and services. */
	public Map<String, Object> dataInclusion() {
		List<Map<String, Object>> structures = new ArrayList<>();
		List<Map<String, Object>> services = new ArrayList<>();
		Map<Long, String> seen = new HashMap<>();
		Map<Long, List<String>> zones = zones();
		sql.jdbc().getJdbcTemplate().query(OFFERS, (ResultSet rs) -> {
			long id = rs.getLong("id");
			long org = rs.getLong("org_id");
			boolean hasOrg = !rs.wasNull();
			String structure = hasOrg ? "proxima-org-" + org : "proxima-offer-" + id;
			if (!seen.containsKey(hasOrg ? org : -id)) {
				seen.put(hasOrg ? org : -id, structure);
				Map<String, Object> st = new LinkedHashMap<>();
				st.put("id", structure);
				st.put("source", "proxima");
				st.put("nom", hasOrg ? rs.getString("org_name") : rs.getString("name"));
				st.put("siret", null);
				st.put("date_maj", date(rs).toString());
				structures.add(st);
			}
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("id", "proxima-" + id);
			s.put("structure_id", structure);
			s.put("source", "proxima");
			s.put("nom", rs.getString("name"));
			s.put("presentation_resume", rs.getString("category_label"));
			s.put("thematiques", thematiques.getOrDefault(rs.getString("family"), List.of()));
			s.put("profils", profils(rs.getString("audience")));
			s.put("date_maj", date(rs).toString());
			s.put("adresse", rs.getString("address"));
			s.put("code_postal", rs.getString("postal_code"));
			s.put("commune", rs.getString("city"));
			s.put("code_insee", rs.getString("commune_code"));
			double lon = rs.getDouble("lon");
			s.put("longitude", rs.wasNull() ? null : lon);
			s.put("latitude", rs.wasNull() ? null : rs.getDouble("lat"));
			s.put("telephone", rs.getString("phone"));
			s.put("courriel", rs.getString("email"));
			s.put("lien_source", rs.getString("website"));
			List<String> zone = zones.get(id);
			s.put("zone_diffusion_type", zone == null ? null : "commune");
			s.put("zone_diffusion_code", zone == null ? null : zone);
			s.put("modes_accueil", List.of(isAtHome(rs.getString("family")) ? "a-distance" : "en-presentiel"));
			services.add(s);
		});
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("schema", "data·inclusion (structures, services)");
		out.put("structures", structures);
		out.put("services", services);
		return out;
	}

	static List<String> profils(String audience) {
		return switch (audience) {
			case "elderly" -> List.of("seniors-65");
			case "disabled" -> List.of("personnes-en-situation-de-handicap");
			default -> List.of("tous-publics");
		};
	}

	private static boolean isAtHome(String family) {
		return fr.proxima.offers.Family.fromCode(family).isHomeCare();
	}

	/**
	 * The mandatory update date: verified, else the source's date, else the import day.
	 */
	private static LocalDate date(ResultSet rs) throws SQLException {
		for (String c : List.of("verified_on", "source_date", "imported_on")) {
			java.sql.Date d = rs.getDate(c);
			if (d != null) {
				return d.toLocalDate();
			}
		}
		return LocalDate.now();
	}

	private static Map<String, Object> address(ResultSet rs, long id) throws SQLException {
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("id", uuid("address", id));
		a.put("address_1", rs.getString("address"));
		a.put("city", rs.getString("city"));
		a.put("region", null);
		a.put("state_province",
				rs.getString("commune_code") == null ? null : rs.getString("commune_code").substring(0, 2));
		a.put("postal_code", rs.getString("postal_code"));
		a.put("country", "FR");
		a.put("address_type", "physical");
		return a;
	}

	private Map<Long, List<String>> zones() {
		Map<Long, List<String>> zones = new HashMap<>();
		sql.jdbc()
			.getJdbcTemplate()
			.query("SELECT offer_id, commune_code FROM offer_zone_commune ORDER BY offer_id, commune_code",
					(ResultSet rs) -> {
						zones.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
					});
		return zones;
	}

	static String uuid(String kind, Object key) {
		return UUID.nameUUIDFromBytes(("proxima:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static Map<String, List<String>> thematiques() {
		try (InputStream in = OpenSchemas.class.getResourceAsStream("/gis/data_inclusion_families.csv")) {
			if (in == null) {
				throw new IllegalStateException("gis/data_inclusion_families.csv is missing from the classpath");
			}
			Map<String, List<String>> m = new HashMap<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
				if (line.isBlank() || line.startsWith("#") || line.startsWith("family,")) {
					continue;
				}
				String[] cells = line.split(",", 2);
				m.put(cells[0].trim(), Arrays.stream(cells[1].split("\\|")).map(String::trim).toList());
			}
			return m;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
