package fr.proxima.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The documented estimate used when no road graph answers: road distance = straight-line
 * distance × detour factor; speed = {@code localSpeedKmh} up to {@code localRadiusKm} of
 * straight line (villages, winding local roads), then {@code ruralSpeedKmh} beyond
 * (départementales between towns). On foot the whole road distance is walked at
 * {@code footSpeedKmh}.
 */
@ConfigurationProperties("proxima.routing.estimate")
public record EstimateSettings(double detourFactor, double localSpeedKmh, double localRadiusKm, double ruralSpeedKmh,
		double footSpeedKmh) {

	@ConstructorBinding
	public EstimateSettings(@DefaultValue("1.4") double detourFactor, @DefaultValue("35") double localSpeedKmh,
			@DefaultValue("5") double localRadiusKm, @DefaultValue("60") double ruralSpeedKmh,
			@DefaultValue("4.5") double footSpeedKmh) {
		this.detourFactor = detourFactor;
		this.localSpeedKmh = localSpeedKmh;
		this.localRadiusKm = localRadiusKm;
		this.ruralSpeedKmh = ruralSpeedKmh;
		this.footSpeedKmh = footSpeedKmh;
	}

	/** The driving estimate with the default walking speed (4.5 km/h). */
	public EstimateSettings(double detourFactor, double localSpeedKmh, double localRadiusKm, double ruralSpeedKmh) {
		this(detourFactor, localSpeedKmh, localRadiusKm, ruralSpeedKmh, 4.5);
	}

	/** Estimated driving leg for a straight-line distance in metres. */
	public Leg estimate(double straightMetres) {
		double roadMetres = straightMetres * detourFactor;
		double localMetres = Math.min(straightMetres, localRadiusKm * 1000) * detourFactor;
		double seconds = localMetres / (localSpeedKmh / 3.6) + (roadMetres - localMetres) / (ruralSpeedKmh / 3.6);
		return new Leg(seconds, roadMetres, TravelMethod.ESTIMATE);
	}

	/** Estimated walking leg for a straight-line distance in metres. */
	public Leg estimateOnFoot(double straightMetres) {
		double roadMetres = straightMetres * detourFactor;
		return new Leg(roadMetres / (footSpeedKmh / 3.6), roadMetres, TravelMethod.ESTIMATE);
	}

	/**
	 * The straight-line distance whose estimated driving time is {@code seconds} (the
	 * inverse of {@link #estimate}).
	 */
	public double straightMetresWithin(double seconds) {
		double localMetres = localRadiusKm * 1000;
		double localSeconds = estimate(localMetres).seconds();
		if (seconds <= localSeconds) {
			return seconds * (localSpeedKmh / 3.6) / detourFactor;
		}
		return localMetres + (seconds - localSeconds) * (ruralSpeedKmh / 3.6) / detourFactor;
	}

	/** The straight-line distance whose estimated walking time is {@code seconds}. */
	public double straightMetresWithinOnFoot(double seconds) {
		return seconds * (footSpeedKmh / 3.6) / detourFactor;
	}

}
