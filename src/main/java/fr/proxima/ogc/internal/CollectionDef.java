package fr.proxima.ogc.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One public collection of the OGC API: what it holds, its queryable parameters and the
 * type of each property (the JSON schema types the OpenAPI document and the exports
 * declare).
 *
 * @param filters property filters accepted on its items (besides the standard
 * parameters), with their descriptions
 * @param temporal the property {@code datetime} filters on, or null for a collection
 * without dates
 * @param properties every property of its features, name → JSON type ({@code string},
 * {@code integer}, {@code number}, {@code boolean}, {@code date})
 */
public record CollectionDef(String id, String title, String description, String geometryType,
		Map<String, String> filters, String temporal, Map<String, String> properties) {

	/** Property name → JSON type, in the order given (name, type, name, type…). */
	static Map<String, String> types(String... namesAndTypes) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < namesAndTypes.length; i += 2) {
			m.put(namesAndTypes[i], namesAndTypes[i + 1]);
		}
		return m;
	}

	public List<String> propertyNames() {
		return List.copyOf(properties.keySet());
	}

}
