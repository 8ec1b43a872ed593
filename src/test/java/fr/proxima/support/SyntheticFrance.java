package fr.proxima.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A SYNTHETIC metropolitan France with the real proportions, from a fixed seed, written
 * in the official layouts Proxima imports (issue 15, item 6): commune polygons (perturbed
 * cells of about 16 km² tiling a rough outline of the mainland and Corsica, in 96
 * départements 01–95 with 2A/2B, INSEE-like codes), INSEE base-cc population with 75+ and
 * 85+, the FINESS Etalab extract (Lambert-93 coordinates) with the category mix of the
 * real FINESS of {@code ../shared/data}, EHPAD capacities and a commune reference list.
 * Nothing in it is real data: names say "synthétique".
 * <p>
 * Population: log-normal commune sizes (median about 450 inhabitants, as in France, where
 * half the communes have fewer than 500), one town per département; 75+ about 10–11 %
 * overall, higher in small communes; 85+ about a third of 75+. Offers are placed in
 * communes with a weight growing with their population.
 */
public final class SyntheticFrance {

	/**
	 * The full size: France has about 35,000 communes and 100,000 FINESS establishments.
	 */
	public static final int COMMUNES = 35_000;

	public static final int OFFERS = 100_000;

	public static final long SEED = 2026;

	/** Rough outline of the mainland, lon/lat. */
	private static final double[][] MAINLAND = { { -4.7, 48.4 }, { -1.8, 48.65 }, { -1.9, 49.7 }, { -1.2, 49.65 },
			{ 0.2, 49.7 }, { 1.6, 50.9 }, { 2.6, 51.05 }, { 4.2, 49.95 }, { 5.9, 49.5 }, { 8.2, 49.0 }, { 7.6, 47.6 },
			{ 6.0, 46.2 }, { 7.0, 45.9 }, { 6.9, 44.2 }, { 7.5, 43.8 }, { 6.2, 43.1 }, { 4.5, 43.4 }, { 3.1, 42.5 },
			{ 1.4, 42.6 }, { -1.8, 43.35 }, { -1.25, 44.6 }, { -1.2, 46.2 }, { -2.5, 47.3 }, { -4.5, 47.9 } };

	private static final double[][] CORSICA = { { 8.56, 42.35 }, { 9.35, 43.0 }, { 9.55, 42.1 }, { 9.2, 41.37 },
			{ 8.8, 41.6 } };

	private static final double KM_PER_DEGREE = 111.2;

	private static final double MID_LATITUDE = 46.5;

	private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

	/** A commune: code, name, polygon ring (closed), population. */
	public record Commune(String code, String name, double[][] ring, int population, int aged75, int aged85, double lon,
			double lat) {

		public String departement() {
			return code.substring(0, 2);
		}

		public Polygon polygon() {
			Coordinate[] c = new Coordinate[ring.length];
			for (int i = 0; i < ring.length; i++) {
				c[i] = new Coordinate(ring[i][0], ring[i][1]);
			}
			return FACTORY.createPolygon(c);
		}

	}

	/** A FINESS establishment of the synthetic France. */
	public record Offer(String et, String ej, String category, Commune commune, double lon, double lat,
			Integer capacity) {
	}

	/** A FINESS category of the reference and its real count. */
	public record Category(String code, String label, String aggregate, String aggregateLabel, String family,
			int realCount) {
	}

	private final List<Commune> communes;

	private final List<Offer> offers;

	private final Map<String, Category> categories;

	private SyntheticFrance(List<Commune> communes, List<Offer> offers, Map<String, Category> categories) {
		this.communes = communes;
		this.offers = offers;
		this.categories = categories;
	}

	public List<Commune> communes() {
		return communes;
	}

	public List<Offer> offers() {
		return offers;
	}

	/** The FINESS categories of the real extracts, with their counts there. */
	public Map<String, Category> categories() {
		return categories;
	}

	public static SyntheticFrance full() {
		return generate(COMMUNES, OFFERS, SEED);
	}

	/**
	 * Generates about {@code communeTarget} communes (within 1 %) and exactly
	 * {@code offerCount} offers.
	 */
	public static SyntheticFrance generate(int communeTarget, int offerCount, long seed) {
		Random random = new Random(seed);
		Map<String, Category> categories = readCategories();
		// cell size such that the outline holds the target number of cells
		double side = Math.sqrt(552_000.0 / communeTarget);
		List<double[]> centres = null;
		for (int round = 0; round < 4; round++) {
			centres = cellsInside(side);
			side *= Math.sqrt(centres.size() / (double) communeTarget);
		}
		double dLat = side / KM_PER_DEGREE;
		double dLon = dLat / Math.cos(Math.toRadians(MID_LATITUDE));
		centres = cellsInside(side);
		String[] departementOfCell = departements(centres, random);
		List<Commune> communes = communes(centres, departementOfCell, dLon, dLat, random);
		List<Offer> offers = offers(communes, categories, offerCount, dLon, dLat, random);
		return new SyntheticFrance(communes, offers, categories);
	}

	// ---------------------------------------------------------------- geometry

	/** Cell centres (lon, lat, i, j) of a grid of {@code side} km inside the outline. */
	private static List<double[]> cellsInside(double side) {
		double dLat = side / KM_PER_DEGREE;
		double dLon = dLat / Math.cos(Math.toRadians(MID_LATITUDE));
		List<double[]> inside = new ArrayList<>();
		for (int i = 0; -5.0 + (i + 0.5) * dLon < 9.7; i++) {
			for (int j = 0; 41.3 + (j + 0.5) * dLat < 51.2; j++) {
				double lon = -5.0 + (i + 0.5) * dLon;
				double lat = 41.3 + (j + 0.5) * dLat;
				if (contains(MAINLAND, lon, lat) || contains(CORSICA, lon, lat)) {
					inside.add(new double[] { lon, lat, i, j });
				}
			}
		}
		return inside;
	}

	private static boolean contains(double[][] ring, double x, double y) {
		boolean in = false;
		for (int a = 0, b = ring.length - 1; a < ring.length; b = a++) {
			if ((ring[a][1] > y) != (ring[b][1] > y)
					&& x < (ring[b][0] - ring[a][0]) * (y - ring[a][1]) / (ring[b][1] - ring[a][1]) + ring[a][0]) {
				in = !in;
			}
		}
		return in;
	}

	/**
	 * 96 départements: Voronoi cells of seeds relaxed three times (Lloyd), 94 on the
	 * mainland (01–95 without 20), 2A and 2B in Corsica.
	 */
	private static String[] departements(List<double[]> centres, Random random) {
		List<String> mainlandCodes = new ArrayList<>();
		for (int d = 1; d <= 95; d++) {
			if (d != 20) {
				mainlandCodes.add(String.format("%02d", d));
			}
		}
		double[][] seeds = new double[mainlandCodes.size()][];
		for (int s = 0; s < seeds.length;) {
			double[] c = centres.get(random.nextInt(centres.size()));
			if (contains(MAINLAND, c[0], c[1])) {
				seeds[s++] = new double[] { c[0], c[1] };
			}
		}
		int[] owner = new int[centres.size()];
		for (int round = 0; round < 4; round++) {
			double[][] sums = new double[seeds.length][3];
			for (int k = 0; k < centres.size(); k++) {
				double[] c = centres.get(k);
				if (!contains(MAINLAND, c[0], c[1])) {
					owner[k] = -1;
					continue;
				}
				owner[k] = nearest(seeds, c);
				sums[owner[k]][0] += c[0];
				sums[owner[k]][1] += c[1];
				sums[owner[k]][2]++;
			}
			for (int s = 0; s < seeds.length; s++) {
				if (sums[s][2] > 0) {
					seeds[s] = new double[] { sums[s][0] / sums[s][2], sums[s][1] / sums[s][2] };
				}
			}
		}
		String[] codes = new String[centres.size()];
		for (int k = 0; k < centres.size(); k++) {
			double[] c = centres.get(k);
			codes[k] = owner[k] >= 0 ? mainlandCodes.get(owner[k]) : c[1] > 42.1 ? "2B" : "2A";
		}
		return codes;
	}

	private static int nearest(double[][] seeds, double[] c) {
		double cos = Math.cos(Math.toRadians(MID_LATITUDE));
		int best = 0;
		double bestD = Double.MAX_VALUE;
		for (int s = 0; s < seeds.length; s++) {
			double dx = (seeds[s][0] - c[0]) * cos;
			double dy = seeds[s][1] - c[1];
			double d = dx * dx + dy * dy;
			if (d < bestD) {
				bestD = d;
				best = s;
			}
		}
		return best;
	}

	/** A vertex of the grid, jittered the same way for every cell that shares it. */
	private static double[] vertex(long i, long j, double dLon, double dLat, double jitter) {
		Random r = new Random(i * 1_000_003L + j * 7919L + 17);
		return new double[] { round5(-5.0 + i * dLon + (r.nextDouble() - 0.5) * 2 * jitter * dLon),
				round5(41.3 + j * dLat + (r.nextDouble() - 0.5) * 2 * jitter * dLat) };
	}

	private static double round5(double v) {
		return Math.round(v * 1e5) / 1e5;
	}

	private static List<Commune> communes(List<double[]> centres, String[] departementOfCell, double dLon, double dLat,
			Random random) {
		Map<String, Integer> next = new TreeMap<>();
		Map<String, Boolean> hasTown = new TreeMap<>();
		List<Commune> communes = new ArrayList<>(centres.size());
		for (int k = 0; k < centres.size(); k++) {
			double[] c = centres.get(k);
			long i = (long) c[2];
			long j = (long) c[3];
			// corners shared by the four cells around them; edge midpoints by the two
			// cells on either side (even/odd doubled indices keep them apart)
			double[][] ring = { vertex(2 * i, 2 * j, dLon / 2, dLat / 2, 0.5),
					vertex(2 * i + 1, 2 * j, dLon / 2, dLat / 2, 0.3),
					vertex(2 * i + 2, 2 * j, dLon / 2, dLat / 2, 0.5),
					vertex(2 * i + 2, 2 * j + 1, dLon / 2, dLat / 2, 0.3),
					vertex(2 * i + 2, 2 * j + 2, dLon / 2, dLat / 2, 0.5),
					vertex(2 * i + 1, 2 * j + 2, dLon / 2, dLat / 2, 0.3),
					vertex(2 * i, 2 * j + 2, dLon / 2, dLat / 2, 0.5),
					vertex(2 * i, 2 * j + 1, dLon / 2, dLat / 2, 0.3), null };
			ring[8] = ring[0];
			String dep = departementOfCell[k];
			int n = next.merge(dep, 1, Integer::sum);
			if (n > 999) {
				throw new IllegalStateException("département " + dep + " has over 999 communes");
			}
			String code = dep + String.format("%03d", n);
			boolean town = random.nextDouble() < 0.01 && !hasTown.containsKey(dep);
			int population = town ? (int) Math.round(Math.exp(Math.log(45_000) + 0.9 * random.nextGaussian()))
					: (int) Math.max(1, Math.round(Math.exp(Math.log(450) + 1.6 * random.nextGaussian())));
			if (town) {
				hasTown.put(dep, true);
			}
			population = Math.min(population, 900_000);
			double share75 = clamp(0.135 - 0.008 * Math.log(population / 450.0) + 0.035 * random.nextGaussian(), 0.02,
					0.40);
			int aged75 = (int) Math.round(population * share75);
			int aged85 = (int) Math.round(aged75 * clamp(0.33 + 0.06 * random.nextGaussian(), 0.1, 0.6));
			String name = (town ? "Ville synthétique " : "Commune synthétique ") + dep + "-" + String.format("%03d", n);
			communes.add(new Commune(code, name, ring, population, aged75, aged85, c[0], c[1]));
		}
		return communes;
	}

	private static double clamp(double v, double min, double max) {
		return Math.max(min, Math.min(max, v));
	}

	// ---------------------------------------------------------------- offers

	private static Map<String, Category> readCategories() {
		Map<String, Category> categories = new LinkedHashMap<>();
		try {
			List<String> lines = Files.readAllLines(SharedData.file("03_finess/finess_categories_reference.csv"));
			List<String> header = csvFields(lines.get(0));
			for (String line : lines.subList(1, lines.size())) {
				List<String> f = csvFields(line);
				int count = 0;
				for (int k = 0; k < header.size(); k++) {
					if (header.get(k).startsWith("n_dep_")) {
						count += Integer.parseInt(f.get(k));
					}
				}
				if (count > 0) {
					categories.put(f.get(0), new Category(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), count));
				}
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read the FINESS category reference", e);
		}
		return categories;
	}

	/** Fields of a comma-separated line with double-quoted fields. */
	static List<String> csvFields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder f = new StringBuilder();
		boolean quoted = false;
		for (int k = 0; k < line.length(); k++) {
			char ch = line.charAt(k);
			if (ch == '"') {
				quoted = !quoted;
			}
			else if (ch == ',' && !quoted) {
				fields.add(f.toString());
				f.setLength(0);
			}
			else {
				f.append(ch);
			}
		}
		fields.add(f.toString());
		return fields;
	}

	/**
	 * Exactly {@code count} offers: each category gets its share of the real count
	 * (largest remainders), in communes drawn with a weight of population^0.85.
	 */
	private static List<Offer> offers(List<Commune> communes, Map<String, Category> categories, int count, double dLon,
			double dLat, Random random) {
		int real = categories.values().stream().mapToInt(Category::realCount).sum();
		Map<String, Integer> quota = new LinkedHashMap<>();
		List<Map.Entry<String, Double>> remainders = new ArrayList<>();
		int given = 0;
		for (Category c : categories.values()) {
			double exact = (double) count * c.realCount() / real;
			quota.put(c.code(), (int) exact);
			given += (int) exact;
			remainders.add(Map.entry(c.code(), exact - (int) exact));
		}
		remainders.sort(Map.Entry.<String, Double>comparingByValue().reversed());
		for (int k = 0; given < count; k++, given++) {
			quota.merge(remainders.get(k).getKey(), 1, Integer::sum);
		}
		double[] cumulative = new double[communes.size()];
		double sum = 0;
		for (int k = 0; k < communes.size(); k++) {
			sum += Math.pow(communes.get(k).population(), 0.85);
			cumulative[k] = sum;
		}
		Map<String, Integer> etSequence = new TreeMap<>();
		List<Offer> offers = new ArrayList<>(count);
		for (Map.Entry<String, Integer> q : quota.entrySet()) {
			for (int n = 0; n < q.getValue(); n++) {
				int at = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
				Commune commune = communes.get(at >= 0 ? at : Math.min(communes.size() - 1, -at - 1));
				String dep = commune.departement();
				int seq = etSequence.merge(dep, 1, Integer::sum);
				// about 1.8 establishments per legal entity, as in FINESS
				String ej = dep + "9" + String.format("%06d", random.nextInt(Math.max(1, (int) (seq / 1.8)) + 1));
				double lon = round6(commune.lon() + (random.nextDouble() - 0.5) * 0.3 * dLon);
				double lat = round6(commune.lat() + (random.nextDouble() - 0.5) * 0.3 * dLat);
				Integer capacity = "500".equals(q.getKey())
						? (int) Math.round(clamp(80 + 25 * random.nextGaussian(), 12, 300)) : null;
				offers.add(new Offer(dep + String.format("%07d", seq), ej, q.getKey(), commune, lon, lat, capacity));
			}
		}
		return offers;
	}

	private static double round6(double v) {
		return Math.round(v * 1e6) / 1e6;
	}

	// ---------------------------------------------------------------- files

	/**
	 * Writes the communes (boundaries, population, reference list) of the départements
	 * {@code included} accepts and the offers (FINESS, EHPAD capacities) of those
	 * {@code withOffers} accepts, in the layout of {@code ../shared/data} (one boundary
	 * file per département, one national file of each other kind); returns the folder.
	 */
	public Path write(Path folder, Predicate<String> included, Predicate<String> withOffers) throws IOException {
		Map<String, List<Commune>> byDepartement = new TreeMap<>();
		communes.stream()
			.filter(c -> included.test(c.departement()))
			.forEach(c -> byDepartement.computeIfAbsent(c.departement(), d -> new ArrayList<>()).add(c));
		Path boundaries = Files.createDirectories(folder.resolve("01_commune_boundaries"));
		for (Map.Entry<String, List<Commune>> d : byDepartement.entrySet()) {
			writeBoundaries(boundaries.resolve("communes-" + d.getKey() + "-synthetique_cog2026.geojson"),
					d.getValue());
		}
		List<Commune> kept = byDepartement.values().stream().flatMap(Collection::stream).toList();
		List<Offer> keptOffers = offers.stream()
			.filter(o -> included.test(o.commune().departement()) && withOffers.test(o.commune().departement()))
			.toList();
		writePopulation(Files.createDirectories(folder.resolve("02_population_age/insee_layout"))
			.resolve("base-cc-pop-2023-synthetique.csv"), kept);
		writeFiness(Files.createDirectories(folder.resolve("03_finess/etalab_layout"))
			.resolve("etalab-cs1100507-stock-20210108-synthetique.csv"), keptOffers);
		writeCapacities(
				Files.createDirectories(folder.resolve("05_ehpad_capacity")).resolve("ehpad_capacite_synthetique.csv"),
				keptOffers);
		writeReference(Files.createDirectories(folder.resolve("06_commune_reference"))
			.resolve("cog2026_communes_synthetique.csv"), kept);
		Files.writeString(folder.resolve("README.md"),
				"# SYNTHETIC France (not real data)\n\nWritten by " + SyntheticFrance.class.getName() + ", seed " + SEED
						+ ": " + kept.size() + " communes, " + keptOffers.size()
						+ " FINESS establishments. Import with `import-dir` or ImportService.\n");
		return folder;
	}

	private static void writeBoundaries(Path file, List<Commune> communes) throws IOException {
		try (BufferedWriter w = Files.newBufferedWriter(file)) {
			w.write("{\"type\":\"FeatureCollection\",\"features\":[");
			for (int k = 0; k < communes.size(); k++) {
				Commune c = communes.get(k);
				w.write(k == 0 ? "\n" : ",\n");
				w.write("{\"type\":\"Feature\",\"properties\":{\"code\":\"" + c.code() + "\",\"nom\":\"" + c.name()
						+ "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
				for (int v = 0; v < c.ring().length; v++) {
					w.write(String.format(Locale.ROOT, "%s[%.5f,%.5f]", v == 0 ? "" : ",", c.ring()[v][0],
							c.ring()[v][1]));
				}
				w.write("]]}}");
			}
			w.write("\n]}\n");
		}
	}

	private static void writePopulation(Path file, List<Commune> communes) throws IOException {
		try (BufferedWriter w = Files.newBufferedWriter(file)) {
			w.write("CODGEO;LIBGEO;P23_POP;P23_POP75P;P23_POP85P\n");
			for (Commune c : communes) {
				w.write(c.code() + ";" + c.name() + ";" + c.population() + ";" + c.aged75() + ";" + c.aged85() + "\n");
			}
		}
	}

	private void writeFiness(Path file, List<Offer> offers) throws IOException {
		CRSFactory crs = new CRSFactory();
		CoordinateTransform toLambert93 = new CoordinateTransformFactory()
			.createTransform(crs.createFromName("EPSG:4326"), crs.createFromName("EPSG:2154"));
		try (BufferedWriter w = Files.newBufferedWriter(file)) {
			w.write("finess;etalab;" + offers.size() + ";2021-01-08\n");
			for (Offer o : offers) {
				Category cat = categories.get(o.category());
				String dep = o.commune().departement();
				String communePart = o.commune().code().substring(2);
				String postal = (dep.startsWith("2") && !Character.isDigit(dep.charAt(1)) ? "20" : dep) + communePart;
				String name = "SYNTHETIQUE " + cat.label().toUpperCase(Locale.ROOT) + " " + o.et();
				String siret = "9" + o.ej().substring(3) + String.format("%07d", Integer.parseInt(o.et().substring(2)));
				w.write(String.join(";", "structureet", o.et(), o.ej(), name, name, "", "", "1", "RUE", "DES ESSAIS",
						"", "", communePart, dep, "DEPARTEMENT " + dep,
						postal + " " + o.commune().name().toUpperCase(Locale.ROOT).replace('É', 'E'), "0400000000", "",
						cat.code(), cat.label(), cat.aggregate(), cat.aggregateLabel(), siret.substring(0, 14), "", "",
						"", "", "", "2000-01-01", "", "2020-06-30", ""));
				w.write("\n");
			}
			ProjCoordinate out = new ProjCoordinate();
			for (Offer o : offers) {
				toLambert93.transform(new ProjCoordinate(o.lon(), o.lat()), out);
				w.write(String.format(Locale.ROOT, "geolocalisation;%s;%.1f;%.1f;%s;2020-06-30%n", o.et(), out.x, out.y,
						"1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93"));
			}
		}
	}

	private static void writeCapacities(Path file, List<Offer> offers) throws IOException {
		try (BufferedWriter w = Files.newBufferedWriter(file)) {
			w.write("finess_et,capacite_places_hp,statut_gestionnaire\n");
			for (Offer o : offers) {
				if (o.capacity() != null) {
					w.write(o.et() + "," + o.capacity() + ",prive_non_lucratif\n");
				}
			}
		}
	}

	private static void writeReference(Path file, List<Commune> communes) throws IOException {
		try (BufferedWriter w = Files.newBufferedWriter(file)) {
			w.write("code,nom,type,commune_nouvelle_code,codes_postaux,population_municipale\n");
			for (Commune c : communes) {
				w.write(c.code() + "," + c.name() + ",commune-actuelle,," + c.code() + "," + c.population() + "\n");
			}
		}
	}

}
