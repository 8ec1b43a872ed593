package fr.proxima.tiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import fr.proxima.shared.Geo;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import org.locationtech.jts.geom.Geometry;

/**
 * A decoded MVT tile as layer → features, each feature its id (under {@code id}) and
 * properties, sorted: what two tiles must share to hold the same features.
 */
final class MvtFeatures {

	private MvtFeatures() {
	}

	static Map<String, List<String>> of(byte[] tile) {
		try {
			JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(tile), Geo.FACTORY,
					new TagKeyValueMapConverter(false, "id"));
			Map<String, List<String>> layers = new TreeMap<>();
			for (JtsLayer layer : mvt.getLayers()) {
				TreeSet<String> features = new TreeSet<>();
				for (Geometry g : layer.getGeometries()) {
					@SuppressWarnings("unchecked")
					Map<String, Object> p = (Map<String, Object>) g.getUserData();
					Map<String, String> sorted = new TreeMap<>();
					p.forEach((k, v) -> sorted.put(k,
							v instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(v)));
					features.add(sorted.toString());
				}
				layers.put(layer.getName(), List.copyOf(features));
			}
			return layers;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The values of one property in a layer, e.g. the ids of the offers. */
	static TreeSet<String> values(byte[] tile, String layer, String property) {
		TreeSet<String> out = new TreeSet<>();
		try {
			JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(tile), Geo.FACTORY,
					new TagKeyValueMapConverter(false, "id"));
			JtsLayer l = mvt.getLayer(layer);
			if (l != null) {
				for (Geometry g : l.getGeometries()) {
					Object v = ((Map<?, ?>) g.getUserData()).get(property);
					out.add(v instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(v));
				}
			}
			return out;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
