package fr.proxima.territory;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.proxima.shared.Feature;
import io.swagger.v3.oas.annotations.media.Schema;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A commune with its census population (null when none was imported) and representative
 * point; {@code geometry}, simplified for display, is only present in the detail and the
 * GeoJSON list.
 */
record CommuneView(String code, String name, String departementCode, int cogYear, PopulationFigures population,
		Point representativePoint,
		@Schema(description = "display-simplified polygon; only in the detail") @JsonInclude(JsonInclude.Include.NON_NULL) Geometry geometry) {

	record PopulationFigures(int total, Integer aged75Plus, Integer aged85Plus, int censusYear) {

	}

	/**
	 * A GeoJSON Feature with the display geometry and flat properties (convenient in GIS
	 * desktops).
	 */
	Feature toFeature() {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("name", name);
		p.put("departementCode", departementCode);
		p.put("cogYear", cogYear);
		p.put("population", population == null ? null : population.total());
		p.put("aged75Plus", population == null ? null : population.aged75Plus());
		p.put("aged85Plus", population == null ? null : population.aged85Plus());
		p.put("censusYear", population == null ? null : population.censusYear());
		return Feature.of(code, geometry, p);
	}

}
