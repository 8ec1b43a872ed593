package fr.proxima.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The documented estimate used when no road graph answers: road distance = straight-line distance × detour factor;
 * speed = {@code localSpeedKmh} up to {@code localRadiusKm} of straight line (villages, winding local roads), then
 * {@code ruralSpeedKmh} beyond (départementales between towns).
 */
@ConfigurationProperties("proxima.routing.estimate")
public record EstimateSettings(@DefaultValue("1.4") double detourFactor, @DefaultValue("35") double localSpeedKmh,
		@DefaultValue("5") double localRadiusKm, @DefaultValue("60") double ruralSpeedKmh) {

	/** Estimated leg for a straight-line distance in metres. */
	public Leg estimate(double straightMetres) {
		double roadMetres = straightMetres * detourFactor;
		double localMetres = Math.min(straightMetres, localRadiusKm * 1000) * detourFactor;
		double seconds = localMetres / (localSpeedKmh / 3.6) + (roadMetres - localMetres) / (ruralSpeedKmh / 3.6);
		return new Leg(seconds, roadMetres, TravelMethod.ESTIMATE);
	}

}
