package fr.proxima.cluster.internal;

import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where the current thread's reads go. Read-only transactions go to a replica; outside a
 * transaction, reads go to a replica only while a read request of the web API is being
 * handled ({@link ReadRequests}); a client that wrote a moment ago reads from the
 * primary, transactions or not. Everything else (writes, start-up, background work, the
 * security chain, sessions, rate limits) uses the primary.
 */
public final class ReadIntent {

	enum Target {

		/** Read-only transactions on a replica, the rest on the primary. */
		DEFAULT,
		/** Also non-transactional work on a replica: a GET of a read path. */
		REPLICA,
		/**
		 * Everything on the primary: this client wrote within the read-your-writes time.
		 */
		PRIMARY

	}

	private static final ThreadLocal<Target> CURRENT = ThreadLocal.withInitial(() -> Target.DEFAULT);

	private ReadIntent() {
	}

	/** Whether a connection asked for now should come from a replica. */
	static boolean replica() {
		Target target = CURRENT.get();
		if (target == Target.PRIMARY) {
			return false;
		}
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return TransactionSynchronizationManager.isCurrentTransactionReadOnly();
		}
		return target == Target.REPLICA;
	}

	static void set(Target target) {
		CURRENT.set(target);
	}

	static void clear() {
		CURRENT.remove();
	}

	/**
	 * Runs a non-transactional read where the web API's reads go (a replica if one is
	 * up).
	 */
	static <T> T onReadTarget(Supplier<T> read) {
		Target before = CURRENT.get();
		CURRENT.set(Target.REPLICA);
		try {
			return read.get();
		}
		finally {
			CURRENT.set(before);
		}
	}

}
