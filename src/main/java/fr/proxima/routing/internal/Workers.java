package fr.proxima.routing.internal;

import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * Shares work out over the machine's cores: {@code count(tasks)} workers, each given its
 * index and the number of workers (it takes the tasks worker, worker + workers, ...). The
 * first failure (a deadline, whose check throws in every worker) is thrown to the caller
 * as it was once all have ended.
 */
final class Workers {

	private static final int PARALLELISM = Runtime.getRuntime().availableProcessors();

	interface Worker {

		void run(int worker, int workers);

	}

	private Workers() {
	}

	static int count(int tasks) {
		return Math.max(1, Math.min(PARALLELISM, tasks));
	}

	static void run(int tasks, Worker body) {
		int workers = count(tasks);
		AtomicReference<RuntimeException> failure = new AtomicReference<>();
		IntStream.range(0, workers).parallel().forEach(worker -> {
			try {
				body.run(worker, workers);
			}
			catch (RuntimeException e) {
				failure.compareAndSet(null, e);
			}
		});
		if (failure.get() != null) {
			throw failure.get();
		}
	}

}
