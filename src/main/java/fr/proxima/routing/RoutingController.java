package fr.proxima.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import fr.proxima.offers.Audience;
import fr.proxima.offers.Family;
import fr.proxima.shared.Feature;
import fr.proxima.shared.FeatureCollection;
import fr.proxima.shared.Geo;
import fr.proxima.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Travel-time queries over REST, answered in GeoJSON; see docs/travel-times.md. */
@RestController
@RequestMapping("/api/routing")
class RoutingController {

	private final TravelTimeEngine engine;

	private final ReachService reach;

	private final CatchmentService catchments;

	RoutingController(TravelTimeEngine engine, ReachService reach, CatchmentService catchments) {
		this.engine = engine;
		this.reach = reach;
		this.catchments = catchments;
	}

	@GetMapping("/route")
	Feature route(@RequestParam String from, @RequestParam String to, @RequestParam(required = false) String profile,
			@RequestParam(defaultValue = "false") boolean geometry, HttpServletResponse response) {
		long start = System.nanoTime();
		Route route = engine.route(Geo.parsePoint("from", from), Geo.parsePoint("to", to), profile, geometry);
		serverTiming(response, "route", start);
		Map<String, Object> props = legProperties(route.leg());
		props.put("profile", engine.profile(profile));
		props.put("from", route.from());
		props.put("to", route.to());
		return Feature.of(null, route.geometry(), props);
	}

	@GetMapping("/isochrones")
	FeatureCollection isochrones(@RequestParam String point, @RequestParam List<Integer> minutes,
			@RequestParam(required = false) String profile, @RequestParam(defaultValue = "out") String direction,
			HttpServletResponse response) {
		long start = System.nanoTime();
		Isochrone iso = engine.isochrone(Geo.parsePoint("point", point), minutes, profile, inbound(direction));
		serverTiming(response, "isochrone", start);
		List<Feature> features = new ArrayList<>();
		for (Isochrone.Band band : iso.bands()) {
			features.add(Feature.of(band.minutes(), band.ring(),
					Map.of("fromMinutes", band.fromMinutes(), "minutes", band.minutes(), "method", iso.method())));
		}
		return FeatureCollection.of(features, Map.of("method", iso.method(), "origin", iso.origin(), "profile",
				engine.profile(profile), "direction", direction));
	}

	/**
	 * The engine's own time for the answer, in milliseconds, as a {@code Server-Timing}
	 * header (issue 15: the time of the search apart from the request's path).
	 */
	private static void serverTiming(HttpServletResponse response, String name, long startNanos) {
		// whole microseconds, without String.format (a route's hot path)
		response.setHeader("Server-Timing", name + ";dur=" + (System.nanoTime() - startNanos) / 1000 / 1000.0);
	}

	/** Body of a coverage request; {@code area} is optional. */
	record CoverageRequest(List<List<Double>> sources, Integer minutes, String profile, String direction,
			AreaRequest area) {
	}

	/**
	 * One of: a département code, a commune code, or a GeoJSON Polygon/MultiPolygon
	 * geometry.
	 */
	record AreaRequest(String departement, String commune, JsonNode geometry) {
	}

	@PostMapping("/coverage")
	FeatureCollection coverage(@RequestBody CoverageRequest request) {
		if (request.minutes() == null) {
			throw new InvalidInputException("minutes is required");
		}
		String direction = request.direction() == null ? "out" : request.direction();
		CoverageArea c = reach.coverage(points("sources", request.sources()), request.minutes(), request.profile(),
				inbound(direction), area(request.area()));
		List<Feature> features = new ArrayList<>();
		features.add(Feature.of("covered", c.covered(),
				Map.of("kind", "covered", "minutes", c.minutes(), "method", c.method())));
		if (c.uncovered() != null) {
			features.add(Feature.of("uncovered", c.uncovered(),
					Map.of("kind", "uncovered", "minutes", c.minutes(), "method", c.method())));
		}
		return FeatureCollection.of(features, Map.of("method", c.method(), "sources", c.sources(), "profile",
				engine.profile(request.profile()), "direction", direction));
	}

	/**
	 * Body of a catchment request: the area is either the union of the isochrones of
	 * {@code sources} and/or {@code offers} (ids) for {@code minutes}, or a GeoJSON
	 * {@code geometry}.
	 */
	record CatchmentRequest(List<List<Double>> sources, List<Long> offers, Integer minutes, String profile,
			String direction, JsonNode geometry) {
	}

	/** Population inside an area by census band, from the communes' area shares. */
	@PostMapping("/catchment")
	ResponseEntity<?> catchment(@RequestBody CatchmentRequest request,
			@Parameter(description = "geojson (default: the area with its totals, the communes in metadata) or csv"
					+ " (the communes' table)") @RequestParam(required = false) String format) {
		boolean hasSites = request.sources() != null || request.offers() != null;
		if (hasSites == (request.geometry() != null)) {
			throw new InvalidInputException("Give either sources and/or offers with minutes, or a geometry");
		}
		if (!hasSites) {
			return CatchmentOutput.respond(format, catchments.ofArea(GeoJsonPolygons.read(request.geometry())),
					Map.of());
		}
		if (request.minutes() == null) {
			throw new InvalidInputException("minutes is required with sources or offers");
		}
		List<Point> sites = new ArrayList<>();
		if (request.sources() != null) {
			sites.addAll(points("sources", request.sources()));
		}
		if (request.offers() != null) {
			sites.addAll(catchments.offerPositions(request.offers()));
		}
		String direction = request.direction() == null ? "out" : request.direction();
		Catchment c = catchments.ofSources(sites, request.minutes(), request.profile(), inbound(direction));
		return CatchmentOutput.respond(format, c,
				Map.of("profile", engine.profile(request.profile()), "direction", direction));
	}

	/** Body of a matrix request: without targets, the matrix is sources × sources. */
	record MatrixRequest(List<List<Double>> sources, List<List<Double>> targets, Integer cutoffMinutes, String profile,
			String direction) {
	}

	@PostMapping("/matrix")
	Map<String, Object> matrix(@RequestBody MatrixRequest request) {
		List<Point> sources = points("sources", request.sources());
		List<Point> targets = request.targets() == null ? sources : points("targets", request.targets());
		int cutoff = request.cutoffMinutes() == null ? 60 : request.cutoffMinutes();
		String direction = request.direction() == null ? "out" : request.direction();
		Matrix m = engine.matrix(sources, targets, cutoff * 60.0, request.profile(), inbound(direction));
		int n = sources.size();
		int k = targets.size();
		Double[][] seconds = new Double[n][k];
		Double[][] metres = new Double[n][k];
		TravelMethod[][] methods = new TravelMethod[n][k];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < k; j++) {
				Leg leg = m.legs()[i][j];
				seconds[i][j] = leg.reachable() ? round(leg.seconds()) : null;
				metres[i][j] = leg.reachable() ? round(leg.metres()) : null;
				methods[i][j] = leg.method();
			}
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("method", m.method());
		body.put("profile", engine.profile(request.profile()));
		body.put("direction", direction);
		body.put("cutoffMinutes", cutoff);
		body.put("sources", m.sources());
		body.put("targets", m.targets());
		body.put("seconds", seconds);
		body.put("metres", metres);
		body.put("methods", methods);
		return body;
	}

	@GetMapping("/nearest-offers")
	FeatureCollection nearestOffers(@RequestParam String point, @RequestParam(defaultValue = "10") int limit,
			@Parameter(description = "one or more families, comma-separated or repeated (none: every family)",
					example = "ssiad,spasad") @RequestParam(required = false) List<String> family,
			@RequestParam(required = false) String audience, @RequestParam(defaultValue = "60") int cutoffMinutes,
			@RequestParam(required = false) String profile, @RequestParam(defaultValue = "out") String direction,
			@Parameter(description = "INSEE code: each offer with a declared zone says whether it serves it",
					example = "48095") @RequestParam(required = false) String commune) {
		Point origin = Geo.parsePoint("point", point);
		List<NearbyOffer> offers = reach.nearestOffers(origin, limit, Family.fromCodes(family),
				audience == null ? null : Audience.fromCode(audience), cutoffMinutes, profile, inbound(direction),
				commune == null || commune.isBlank() ? null : commune.trim());
		List<Feature> features = new ArrayList<>();
		for (NearbyOffer o : offers) {
			Map<String, Object> props = legProperties(o.leg());
			props.put("name", o.name());
			props.put("family", o.family());
			props.put("audience", o.audience());
			props.put("snap", o.snapping());
			props.put("categoryLabel", o.categoryLabel());
			props.put("communeCode", o.communeCode());
			props.put("city", o.city());
			props.put("declaredZone", o.declaredZone());
			props.put("servesCommune", o.servesCommune());
			features.add(Feature.of(o.id(), Geo.point(o.lon(), o.lat()), props));
		}
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("origin", engine.snap(origin, profile));
		meta.put("profile", engine.profile(profile));
		meta.put("direction", direction);
		meta.put("cutoffMinutes", cutoffMinutes);
		return FeatureCollection.of(features, meta);
	}

	private MultiPolygon area(AreaRequest area) {
		if (area == null) {
			return null;
		}
		if (Stream.of(area.departement(), area.commune(), area.geometry()).filter(Objects::nonNull).count() > 1) {
			throw new InvalidInputException("area takes one of departement, commune, geometry, not several");
		}
		if (area.departement() != null) {
			return reach.departementArea(area.departement());
		}
		if (area.commune() != null) {
			return reach.communeArea(area.commune());
		}
		if (area.geometry() != null) {
			return GeoJsonPolygons.read(area.geometry());
		}
		throw new InvalidInputException("area needs one of: departement, commune, geometry");
	}

	private static Map<String, Object> legProperties(Leg leg) {
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("seconds", leg.reachable() ? round(leg.seconds()) : null);
		props.put("minutes", leg.reachable() ? round(leg.minutes()) : null);
		props.put("metres", leg.reachable() ? round(leg.metres()) : null);
		props.put("method", leg.method());
		return props;
	}

	private static boolean inbound(String direction) {
		return switch (direction) {
			case "out" -> false;
			case "in" -> true;
			default -> throw new InvalidInputException("direction must be 'out' or 'in', got '" + direction + "'");
		};
	}

	private static List<Point> points(String name, List<List<Double>> positions) {
		if (positions == null || positions.isEmpty()) {
			throw new InvalidInputException(name + " must be a non-empty array of [lon, lat] positions");
		}
		List<Point> points = new ArrayList<>(positions.size());
		for (List<Double> p : positions) {
			if (p == null || p.size() != 2 || p.get(0) == null || p.get(1) == null) {
				throw new InvalidInputException(name + " must contain [lon, lat] positions, got " + p);
			}
			points.add(Geo.point(p.get(0), p.get(1)));
		}
		return points;
	}

	private static double round(double v) {
		return Math.round(v * 10) / 10.0;
	}

}
