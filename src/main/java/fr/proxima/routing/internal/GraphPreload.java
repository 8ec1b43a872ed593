package fr.proxima.routing.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import fr.proxima.routing.RoutingSettings;
import org.springframework.beans.factory.BeanFactoryInitializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Start-up (issue 15): the road graph starts loading on its own thread before the context
 * makes its beans (a {@link BeanFactoryInitializer} runs before the database pool,
 * Flyway's validation and the EntityManagerFactory are made), so that its load overlaps
 * them instead of following them on the main thread. {@link GraphHopperGraph} waits for
 * it when it is made, which is before the context is refreshed and the server answers: a
 * healthy answer still means the graph is loaded, and a graph that cannot be loaded still
 * stops the start.
 */
@Component
class GraphPreload implements BeanFactoryInitializer<ListableBeanFactory>, DisposableBean {

	private final RoutingSettings settings;

	private CompletableFuture<GraphHopperGraph.Loaded> loading;

	private boolean taken;

	GraphPreload(RoutingSettings settings) {
		this.settings = settings;
	}

	@Override
	public void initialize(ListableBeanFactory beanFactory) {
		start();
	}

	private synchronized CompletableFuture<GraphHopperGraph.Loaded> start() {
		if (loading == null) {
			CompletableFuture<GraphHopperGraph.Loaded> future = new CompletableFuture<>();
			Thread thread = new Thread(() -> {
				try {
					future.complete(GraphHopperGraph.load(settings));
				}
				catch (Throwable e) {
					future.completeExceptionally(e);
				}
			}, "road-graph-load");
			thread.setDaemon(true);
			thread.start();
			loading = future;
		}
		return loading;
	}

	/** The loaded graph, once: waits for the load (started here if it was not). */
	GraphHopperGraph.Loaded take() {
		CompletableFuture<GraphHopperGraph.Loaded> future = start();
		try {
			GraphHopperGraph.Loaded loaded = future.join();
			synchronized (this) {
				taken = true;
			}
			return loaded;
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (e.getCause() instanceof Error cause) {
				throw cause;
			}
			throw e;
		}
	}

	/** A graph loaded for a context that failed before it was taken is closed. */
	@Override
	public synchronized void destroy() {
		if (loading != null && !taken) {
			loading.thenAccept(l -> {
				if (l.hopper() != null) {
					l.hopper().close();
				}
			});
		}
	}

}
