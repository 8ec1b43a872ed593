package fr.proxima.routing;

import org.springframework.http.HttpStatus;

import fr.proxima.shared.InvalidInputException;

/**
 * The wall-clock budget of one request
 * ({@code proxima.routing.limits.request-timeout-seconds}).
 */
final class Deadline implements Runnable {

	private static final Deadline NONE = new Deadline(Long.MAX_VALUE, 0);

	private final long endNanos;

	private final int seconds;

	private Deadline(long endNanos, int seconds) {
		this.endNanos = endNanos;
		this.seconds = seconds;
	}

	static Deadline in(int seconds) {
		return new Deadline(System.nanoTime() + seconds * 1_000_000_000L, seconds);
	}

	static Deadline none() {
		return NONE;
	}

	/** Throws a 422 problem once the budget is spent. */
	@Override
	public void run() {
		if (this != NONE && System.nanoTime() > endNanos) {
			throw new InvalidInputException(HttpStatus.UNPROCESSABLE_CONTENT,
					"The request took longer than its " + seconds
							+ " s limit (proxima.routing.limits.request-timeout-seconds); ask for fewer points or"
							+ " a shorter time");
		}
	}

}
