package fr.proxima.cluster.internal;

import java.time.OffsetDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import fr.proxima.cluster.ClusterSettings;
import fr.proxima.shared.CachesStale;
import fr.proxima.shared.OffersChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data version (table {@code data_version}, one row): the instance that commits a
 * change of offers, communes or population bumps it (on {@link OffersChanged}); every
 * instance reads it every {@code proxima.db.version-poll-interval} where its reads go
 * (its replica, or the primary) and publishes {@link CachesStale} when it moved, so that
 * caches reload only once the data they read has the change.
 */
@Component
public class DataVersion implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DataVersion.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate newTransaction;

	private final ApplicationEventPublisher events;

	private final ClusterSettings settings;

	private final AtomicLong seen = new AtomicLong(-1);

	private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "data-version");
		t.setDaemon(true);
		return t;
	});

	private volatile boolean failing;

	DataVersion(JdbcTemplate jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events,
			ClusterSettings settings, ObjectProvider<ReadRouting> routing) {
		this.jdbc = jdbc;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.events = events;
		this.settings = settings;
		routing.ifAvailable(r -> r.seenVersion(seen::get));
	}

	/** The version this instance's caches reflect. */
	public long seen() {
		return seen.get();
	}

	@EventListener
	void onOffersChanged(OffersChanged event) {
		String source = event.source() == null ? "" : event.source();
		Long version = newTransaction.execute(status -> {
			jdbc.update("UPDATE data_version SET version = version + 1, changed_at = ?, source = ? WHERE id = 1",
					OffsetDateTime.now(), source.length() > 200 ? source.substring(0, 200) : source);
			return jdbc.queryForObject("SELECT version FROM data_version WHERE id = 1", Long.class);
		});
		if (!settings.replicated() && version != null) {
			// reads come from the primary, which has the change: the local event was
			// enough
			seen.accumulateAndGet(version, Math::max);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long every = settings.versionPollInterval().toMillis();
		if (every > 0) {
			poll();
			poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
		}
	}

	void poll() {
		try {
			long version = ReadIntent
				.onReadTarget(() -> jdbc.queryForObject("SELECT version FROM data_version WHERE id = 1", Long.class));
			long before = seen.getAndAccumulate(version, Math::max);
			if (before >= 0 && version > before) {
				events.publishEvent(new CachesStale("data version " + version));
			}
			failing = false;
		}
		catch (RuntimeException e) {
			if (!failing) {
				log.warn("Cannot read the data version (caches are not refreshed from other instances): {}",
						e.getMessage());
			}
			failing = true;
		}
	}

	@Override
	public void destroy() {
		poller.shutdownNow();
	}

}
