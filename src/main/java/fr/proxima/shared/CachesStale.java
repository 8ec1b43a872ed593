package fr.proxima.shared;

/**
 * Published (as a Spring application event) when this instance's in-memory copies of the
 * store may be out of date although nothing changed here: another instance committed a
 * change of offers, communes or population (seen through the data version of the
 * {@code cluster} module), or the replica this instance reads from has just replayed one.
 * Caches drop what they hold; unlike {@link OffersChanged} it starts no background work
 * (the instance that made the change did).
 *
 * @param source what changed, for the logs
 */
public record CachesStale(String source) {

}
