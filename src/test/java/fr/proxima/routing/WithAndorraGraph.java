package fr.proxima.routing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * A Spring test context routing on the real Andorra graph, cached in
 * {@link AndorraGraph#GRAPH_DIR}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(
		properties = { "proxima.routing.osm-file=${proxima.shared-data:../shared/data}/04_osm/andorra.osm.pbf",
				"proxima.routing.graph-dir=" + AndorraGraph.GRAPH_DIR })
public @interface WithAndorraGraph {

}
