package fr.proxima.shared;

import java.util.List;
import java.util.Map;

/**
 * An RFC 7946 GeoJSON FeatureCollection. {@code metadata} is a foreign member carrying
 * paging, methods and warnings.
 */
public record FeatureCollection(String type, List<Feature> features, Map<String, Object> metadata) {

	public static FeatureCollection of(List<Feature> features, Map<String, Object> metadata) {
		return new FeatureCollection("FeatureCollection", features, metadata);
	}

}
