package fr.proxima.coverage;

/**
 * A table row about one commune: GeoJSON layers draw it with the commune's display
 * polygon.
 */
public interface CommuneRow {

	String code();

}
