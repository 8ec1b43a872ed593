package fr.proxima.ogc;

import java.util.List;

import fr.proxima.shared.Feature;

/**
 * One page of a public collection's features and how many match the request in all.
 */
public record FeaturePage(List<Feature> features, long numberMatched) {

}
