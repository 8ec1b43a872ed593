package fr.proxima.ogc.internal;

/** Media types of the OGC API encodings. */
public final class Media {

	public static final String JSON = "application/json";

	public static final String GEOJSON = "application/geo+json";

	public static final String HTML = "text/html";

	/** The OpenAPI 3.0 document type OGC API Common requires for {@code service-desc}. */
	public static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";

	private Media() {
	}

}
