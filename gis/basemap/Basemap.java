import java.nio.file.Path;

import com.onthegomap.planetiler.FeatureCollector;
import com.onthegomap.planetiler.Planetiler;
import com.onthegomap.planetiler.Profile;
import com.onthegomap.planetiler.config.Arguments;
import com.onthegomap.planetiler.reader.SourceFeature;

/**
 * Proxima's self-hosted basemap, built by Planetiler from the département's OSM extract
 * alone (the same file as the road graph): roads, railways, water, woods, built-up areas,
 * buildings, places and administrative boundaries. No Natural Earth, no water-polygon
 * download: the départements of the pilot are inland (coastal ones would lack the sea).
 * Run by BASEMAP_TOOL=planetiler gis/build-basemap.sh with a Java 21+ JDK (Planetiler's requirement); it
 * needs GeoTools, which is published on repo.osgeo.org only (see docs/ogc.md).
 */
public class Basemap implements Profile {

	@Override
	public void processFeature(SourceFeature f, FeatureCollector out) {
		if (f.canBeLine() && f.hasTag("highway")) {
			String h = f.getString("highway");
			int minZoom = switch (h) {
				case "motorway", "trunk", "motorway_link", "trunk_link" -> 5;
				case "primary", "primary_link" -> 7;
				case "secondary", "secondary_link" -> 9;
				case "tertiary", "tertiary_link" -> 10;
				case "unclassified", "residential", "living_street", "service", "road" -> 12;
				case "track", "path", "footway", "cycleway", "bridleway", "steps", "pedestrian" -> 13;
				default -> -1;
			};
			if (minZoom >= 0) {
				out.line("roads").setAttr("class", h).setAttr("name", f.getTag("name")).setMinZoom(minZoom);
			}
		}
		else if (f.canBeLine() && f.hasTag("railway", "rail", "narrow_gauge")) {
			out.line("railways").setAttr("class", f.getString("railway")).setMinZoom(8);
		}
		else if (f.canBeLine() && f.hasTag("waterway", "river", "canal", "stream")) {
			out.line("waterways").setAttr("class", f.getString("waterway"))
				.setAttr("name", f.getTag("name"))
				.setMinZoom(f.hasTag("waterway", "river") ? 8 : 12);
		}
		else if (f.canBeLine() && f.hasTag("boundary", "administrative") && f.hasTag("admin_level", "2", "4", "6", "8")) {
			out.line("boundaries").setAttr("admin_level", f.getString("admin_level")).setMinZoom(6);
		}
		if (f.canBePolygon()) {
			if (f.hasTag("natural", "water") || f.hasTag("waterway", "riverbank") || f.hasTag("landuse", "reservoir")) {
				out.polygon("water").setMinZoom(6).setMinPixelSize(2);
			}
			else if (f.hasTag("landuse", "forest") || f.hasTag("natural", "wood")) {
				out.polygon("landcover").setAttr("class", "wood").setMinZoom(7).setMinPixelSize(2);
			}
			else if (f.hasTag("landuse", "residential", "commercial", "industrial", "retail")) {
				out.polygon("landuse").setAttr("class", f.getString("landuse")).setMinZoom(10).setMinPixelSize(2);
			}
			else if (f.hasTag("building")) {
				out.polygon("buildings").setMinZoom(14);
			}
		}
		if (f.isPoint() && f.hasTag("place", "city", "town", "village", "hamlet") && f.hasTag("name")) {
			String place = f.getString("place");
			int minZoom = switch (place) {
				case "city" -> 5;
				case "town" -> 8;
				case "village" -> 10;
				default -> 12;
			};
			out.point("places").setAttr("class", place).setAttr("name", f.getTag("name")).setMinZoom(minZoom);
		}
	}

	@Override
	public String name() {
		return "Proxima basemap";
	}

	@Override
	public String description() {
		return "Roads, water, woods and places of the département, from its OpenStreetMap extract";
	}

	@Override
	public String attribution() {
		return "© OpenStreetMap contributors (ODbL)";
	}

	public static void main(String[] args) throws Exception {
		Arguments arguments = Arguments.fromArgsOrConfigFile(args);
		Path osm = Path.of(arguments.getString("osm", "OSM extract (.osm.pbf)", "data/osm/48.osm.pbf"));
		Path output = Path.of(arguments.getString("output", "MBTiles to write", "tiles/basemap/basemap.mbtiles"));
		Planetiler.create(arguments)
			.setProfile(new Basemap())
			.addOsmSource("osm", osm)
			.overwriteOutput(output)
			.run();
	}

}
