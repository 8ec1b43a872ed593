package fr.proxima.cluster.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import fr.proxima.routing.RoutingSettings;
import fr.proxima.routing.TravelTimeEngine;
import fr.proxima.shared.Geo;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Splits the offer × commune precompute into one partition per département (issue 16): a
 * partition holds the offers of that département (those located, and those that still
 * have rows to delete); its targets are the communes of every département one of its
 * offers can reach within the cutoff, by the straight-line radius the precompute itself
 * prefilters with (a bounded tree never reaches farther). Offers without a commune form
 * the partition {@value #NO_DEPARTEMENT}.
 */
@Component
class PartitionPlanner {

	static final String NO_DEPARTEMENT = "--";

	private final JdbcTemplate jdbc;

	private final TravelTimeEngine engine;

	private final RoutingSettings routing;

	PartitionPlanner(JdbcTemplate jdbc, TravelTimeEngine engine, RoutingSettings routing) {
		this.jdbc = jdbc;
		this.engine = engine;
		this.routing = routing;
	}

	/** One planned partition: its offers and what they can reach. */
	record Planned(String departement, long[] offers, List<String> targetDepartements, int targetCommunes) {
	}

	private record Place(String departement, double lon, double lat) {
	}

	/** A département's communes and their bounding box. */
	private static final class Area {

		final List<Place> communes = new ArrayList<>();

		double minLon = Double.MAX_VALUE, minLat = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE,
				maxLat = -Double.MAX_VALUE;

		void add(Place p) {
			communes.add(p);
			minLon = Math.min(minLon, p.lon());
			maxLon = Math.max(maxLon, p.lon());
			minLat = Math.min(minLat, p.lat());
			maxLat = Math.max(maxLat, p.lat());
		}

	}

	List<Planned> plan() {
		double radius = engine.reachRadiusMetres(routing.precomputeCutoffMinutes() * 60.0, null);
		Map<String, Area> communes = new TreeMap<>();
		jdbc.query("SELECT departement_code, ST_X(rep_point), ST_Y(rep_point) FROM commune", rs -> {
			Place p = new Place(rs.getString(1), rs.getDouble(2), rs.getDouble(3));
			communes.computeIfAbsent(p.departement(), d -> new Area()).add(p);
		});
		Map<String, List<Long>> ids = new TreeMap<>();
		Map<String, List<Place>> located = new TreeMap<>();
		jdbc.query("SELECT o.id, c.departement_code, ST_X(o.geom), ST_Y(o.geom) FROM offer o"
				+ " LEFT JOIN commune c ON c.code = o.commune_code WHERE o.geom IS NOT NULL"
				+ " OR EXISTS (SELECT 1 FROM offer_times t WHERE t.offer_id = o.id) ORDER BY o.id", rs -> {
					String d = rs.getString(2) == null ? NO_DEPARTEMENT : rs.getString(2);
					ids.computeIfAbsent(d, k -> new ArrayList<>()).add(rs.getLong(1));
					if (rs.getObject(3) != null) {
						located.computeIfAbsent(d, k -> new ArrayList<>())
							.add(new Place(d, rs.getDouble(3), rs.getDouble(4)));
					}
				});
		List<Planned> plan = new ArrayList<>();
		ids.forEach((departement, offers) -> {
			Set<String> targets = new LinkedHashSet<>();
			if (communes.containsKey(departement)) {
				targets.add(departement);
			}
			List<Place> sources = located.getOrDefault(departement, List.of());
			communes.forEach((d, area) -> {
				if (!targets.contains(d) && reaches(sources, area, radius)) {
					targets.add(d);
				}
			});
			int targetCommunes = targets.stream().mapToInt(d -> communes.get(d).communes.size()).sum();
			plan.add(new Planned(departement, offers.stream().mapToLong(Long::longValue).toArray(),
					List.copyOf(targets), targetCommunes));
		});
		return plan;
	}

	/** Whether one of the offers lies within the radius of one of the area's communes. */
	private static boolean reaches(List<Place> offers, Area area, double radius) {
		double dLat = Math.toDegrees(radius / 6_371_008.8);
		for (Place o : offers) {
			double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(Math.abs(o.lat()) + dLat)));
			if (o.lon() < area.minLon - dLon || o.lon() > area.maxLon + dLon || o.lat() < area.minLat - dLat
					|| o.lat() > area.maxLat + dLat) {
				continue;
			}
			for (Place c : area.communes) {
				if (Geo.haversineMetres(o.lon(), o.lat(), c.lon(), c.lat()) <= radius) {
					return true;
				}
			}
		}
		return false;
	}

}
