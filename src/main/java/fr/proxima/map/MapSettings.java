package fr.proxima.map;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public map pages ({@code proxima.map.*}).
 *
 * @param tileUrl a raster tile URL template ({@code https://…/{z}/{x}/{y}.png}); empty:
 * no tiles, the map draws the commune outlines from the store and no request leaves for a
 * third party
 * @param attribution the tiles' attribution, shown on the map (required by most tile
 * licences)
 * @param departements the départements whose commune outlines form the base map and frame
 * the first view
 */
@ConfigurationProperties("proxima.map")
public record MapSettings(@DefaultValue("") String tileUrl, @DefaultValue("") String attribution,
		@DefaultValue("48") List<String> departements) {

	public boolean hasTiles() {
		return tileUrl != null && !tileUrl.isBlank();
	}

}
