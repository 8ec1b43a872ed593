package fr.proxima.territory;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.locationtech.jts.geom.Point;

/**
 * A commune found by a place search: how it matched, where its population lives and the
 * rectangle around it ({@code [minLon, minLat, maxLon, maxLat]}).
 */
record PlaceView(String code, String name, String departementCode,
		@Schema(description = "name, insee or postcode", example = "name") String matchedBy,
		@Schema(description = "postcodes of the offers located in the commune (the store has no postcode reference)") List<String> postcodes,
		Point representativePoint, double[] bbox) {

}
