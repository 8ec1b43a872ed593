package fr.proxima.shared;

/**
 * Published (as a Spring application event) after offers were imported, added, moved or
 * deleted, once the change is committed. The routing module refreshes the precomputed
 * offer × commune travel times on it.
 *
 * @param source what changed them, for the logs (e.g. "finess import")
 */
public record OffersChanged(String source) {

}
