package fr.proxima.shared;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Published (as a Spring application event) after offers were imported, added, moved or
 * deleted, once the change is committed. The routing module refreshes the precomputed
 * offer × commune travel times on it.
 *
 * @param source what changed them, for the logs (e.g. "finess import")
 */
public record OffersChanged(String source) {

	/**
	 * Publishes the change once the current transaction commits (at once when there is
	 * none), so that no reader reloads the store before the change is visible.
	 */
	public static void publishAfterCommit(ApplicationEventPublisher events, String source) {
		OffersChanged event = new OffersChanged(source);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			events.publishEvent(event);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				events.publishEvent(event);
			}
		});
	}

}
