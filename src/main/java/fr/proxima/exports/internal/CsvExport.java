package fr.proxima.exports.internal;

import java.util.List;
import java.util.Map;

import fr.proxima.shared.Feature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTWriter;

/**
 * CSV (RFC 4180, comma, UTF-8, header line) of a collection: the properties, then
 * {@code lon}/{@code lat} for points or {@code wkt} (CRS84) for polygons.
 */
public final class CsvExport {

	private CsvExport() {
	}

	public static String write(List<Feature> features, Map<String, String> properties, boolean points) {
		StringBuilder b = new StringBuilder();
		List<String> names = List.copyOf(properties.keySet());
		b.append(String.join(",", names)).append(points ? ",lon,lat" : ",wkt").append("\r\n");
		WKTWriter wkt = new WKTWriter();
		wkt.setPrecisionModel(new org.locationtech.jts.geom.PrecisionModel(1e6));
		for (Feature f : features) {
			for (String n : names) {
				b.append(cell(f.properties().get(n))).append(',');
			}
			Geometry g = f.geometry();
			if (points) {
				b.append(g instanceof Point p ? p.getX() + "," + p.getY() : ",");
			}
			else {
				b.append(g == null ? "" : cell(wkt.write(g)));
			}
			b.append("\r\n");
		}
		return b.toString();
	}

	static String cell(Object v) {
		if (v == null) {
			return "";
		}
		String s = String.valueOf(v);
		if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
			return "\"" + s.replace("\"", "\"\"") + "\"";
		}
		return s;
	}

}
