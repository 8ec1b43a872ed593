package fr.proxima.ogc;

import java.util.List;
import java.util.Map;

import fr.proxima.ogc.internal.Catalog;
import fr.proxima.ogc.internal.CollectionDef;
import fr.proxima.ogc.internal.Documents;
import fr.proxima.ogc.internal.Items;
import org.springframework.stereotype.Service;

/**
 * The public collections for other modules (the exports): their ids, property types and
 * every feature. Only published offers and official territories are here.
 */
@Service
public class PublicCollections {

	/** The collections exported whole (coverage depends on request parameters). */
	public static final List<String> STORED = List.of(Catalog.OFFERS, Catalog.COMMUNES, Catalog.DEPARTEMENTS);

	private final Items items;

	PublicCollections(Items items) {
		this.items = items;
	}

	/** Property name → JSON type ({@code string}, {@code integer}, {@code date}…). */
	public Map<String, String> properties(String collection) {
		return definition(collection).properties();
	}

	public String title(String collection) {
		return definition(collection).title();
	}

	public String geometryType(String collection) {
		return definition(collection).geometryType();
	}

	public FeaturePage all(String collection) {
		return items.all(collection, Map.of());
	}

	private static CollectionDef definition(String collection) {
		return Documents.definition(collection);
	}

}
