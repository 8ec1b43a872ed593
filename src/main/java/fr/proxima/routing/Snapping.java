package fr.proxima.routing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a query point ({@code lon}, {@code lat}) landed on the network:
 * {@code roadLon}/{@code roadLat} is the road position it was moved to and {@code metres}
 * how far (all NaN when it was not placed on the network).
 */
public record Snapping(double lon, double lat, SnapStatus status, double metres, double roadLon, double roadLat) {

	/** A point that was not placed on the network. */
	public static Snapping notPlaced(double lon, double lat, SnapStatus status, double metres) {
		return new Snapping(lon, lat, status, metres, Double.NaN, Double.NaN);
	}

	@JsonIgnore
	@Override
	public double roadLon() {
		return roadLon;
	}

	@JsonIgnore
	@Override
	public double roadLat() {
		return roadLat;
	}

	/**
	 * The road position [lon, lat] the point was moved to; null when it was not placed.
	 */
	@JsonProperty("road")
	public double[] road() {
		return Double.isNaN(roadLon) ? null
				: new double[] { Math.round(roadLon * 1e6) / 1e6, Math.round(roadLat * 1e6) / 1e6 };
	}

	@JsonProperty("method")
	public TravelMethod method() {
		return status.method();
	}

	@JsonIgnore
	@Override
	public double metres() {
		return metres;
	}

	/** Metres moved to the road, to 0.1 m; null when the point was not placed. */
	@JsonProperty("snapMetres")
	public Double snapMetres() {
		return Double.isNaN(metres) ? null : Math.round(metres * 10) / 10.0;
	}

}
