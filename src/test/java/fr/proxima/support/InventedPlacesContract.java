package fr.proxima.support;

import org.junit.jupiter.api.AfterEach;

/**
 * A read-API contract over the {@link InventedPlaces} rows: loaded before every test and
 * removed after it, because other test contexts on the same PostGIS database expect a
 * store holding only what they imported themselves.
 */
public abstract class InventedPlacesContract extends ReadApiContract {

	@Override
	protected void fillStore() {
		InventedPlaces.load(jdbc);
	}

	@AfterEach
	void emptyStore() {
		InventedPlaces.clear(jdbc);
	}

}
