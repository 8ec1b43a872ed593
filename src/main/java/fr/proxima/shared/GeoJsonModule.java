package fr.proxima.shared;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes JTS geometries as RFC 7946 GeoJSON geometry objects. Jackson 3 has no published
 * JTS module, so this small one is registered with Spring's JSON mapper. Coordinates are
 * rounded to 6 decimals (about 0.1 m).
 */
@Component
public class GeoJsonModule extends SimpleModule {

	public GeoJsonModule() {
		super("proxima-geojson");
		addSerializer(Geometry.class, new GeometrySerializer());
	}

	static final class GeometrySerializer extends StdSerializer<Geometry> {

		GeometrySerializer() {
			super(Geometry.class);
		}

		@Override
		public void serialize(Geometry g, JsonGenerator gen, SerializationContext ctxt) {
			gen.writeStartObject();
			gen.writeStringProperty("type", g.getGeometryType());
			if (g instanceof GeometryCollection && !(g instanceof MultiPoint) && !(g instanceof MultiLineString)
					&& !(g instanceof MultiPolygon)) {
				gen.writeName("geometries");
				gen.writeStartArray();
				for (int i = 0; i < g.getNumGeometries(); i++) {
					serialize(g.getGeometryN(i), gen, ctxt);
				}
				gen.writeEndArray();
			}
			else {
				gen.writeName("coordinates");
				writeCoordinates(g, gen);
			}
			gen.writeEndObject();
		}

		private static void writeCoordinates(Geometry g, JsonGenerator gen) {
			if (g instanceof Point p) {
				writePosition(p.getCoordinate(), gen);
			}
			else if (g instanceof LineString l) {
				writePositions(l.getCoordinates(), gen);
			}
			else if (g instanceof Polygon p) {
				gen.writeStartArray();
				writePositions(p.getExteriorRing().getCoordinates(), gen);
				for (int i = 0; i < p.getNumInteriorRing(); i++) {
					writePositions(p.getInteriorRingN(i).getCoordinates(), gen);
				}
				gen.writeEndArray();
			}
			else {
				gen.writeStartArray();
				for (int i = 0; i < g.getNumGeometries(); i++) {
					writeCoordinates(g.getGeometryN(i), gen);
				}
				gen.writeEndArray();
			}
		}

		private static void writePositions(Coordinate[] coordinates, JsonGenerator gen) {
			gen.writeStartArray();
			for (Coordinate c : coordinates) {
				writePosition(c, gen);
			}
			gen.writeEndArray();
		}

		private static void writePosition(Coordinate c, JsonGenerator gen) {
			gen.writeStartArray();
			gen.writeNumber(Math.round(c.x * 1e6) / 1e6);
			gen.writeNumber(Math.round(c.y * 1e6) / 1e6);
			gen.writeEndArray();
		}

	}

}
