package fr.proxima.cluster.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import fr.proxima.cluster.PrecomputeProgress;
import fr.proxima.cluster.PrecomputeSettings;
import fr.proxima.routing.RoutingSettings;
import fr.proxima.routing.TravelTimePrecompute;
import fr.proxima.routing.TravelTimeRun;
import fr.proxima.shared.InvalidInputException;
import fr.proxima.shared.OffersChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The offer × commune precompute as db-scheduler jobs (issue 16, docs/scaling.md). A run
 * is one job per département partition ({@link PartitionPlanner}); every instance with
 * {@code proxima.precompute.distributed=true} runs a db-scheduler that picks waiting
 * partitions. A partition recomputes exactly its offers' rows in one transaction
 * ({@link TravelTimePrecompute#recomputeOffers}) that also holds its row of
 * {@code precompute_partition} locked and marks it done, so it is idempotent and never
 * computed twice at once; a worker that dies stops its heartbeat and db-scheduler gives
 * the partition to another. The worker that finishes the last partition schedules the
 * publication job, which records the run as the latest
 * ({@link TravelTimePrecompute#publishRun}), and every instance's caches reload.
 */
@Component
public class PrecomputeJobs implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(PrecomputeJobs.class);

	static final String PARTITION_TASK = "travel-time-partition";

	static final String PUBLISH_TASK = "travel-time-publish";

	private final PrecomputeSettings settings;

	private final PrecomputeStore store;

	private final PartitionPlanner planner;

	private final TravelTimePrecompute precompute;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final DataSource dataSource;

	private final String worker;

	private final OneTimeTask<long[]> partitionTask;

	private final OneTimeTask<Void> publishTask;

	private final ExecutorService planning = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "precompute-planning");
		t.setDaemon(true);
		return t;
	});

	private volatile Scheduler scheduler;

	/** Offers changed before the worker started (the first start's import). */
	private volatile boolean changedBeforeStart;

	PrecomputeJobs(PrecomputeSettings settings, RoutingSettings routing, PrecomputeStore store,
			PartitionPlanner planner, TravelTimePrecompute precompute, JdbcTemplate jdbc, TransactionTemplate tx,
			DataSource dataSource, InstanceName name) {
		if (settings.distributed() && routing.autoRefresh()) {
			throw new IllegalStateException("proxima.precompute.distributed=true needs proxima.routing.auto-refresh"
					+ "=false on every instance (PROXIMA_ROUTING_AUTOREFRESH=false): the single-instance refresh would"
					+ " run beside the distributed one");
		}
		this.settings = settings;
		this.store = store;
		this.planner = planner;
		this.precompute = precompute;
		this.jdbc = jdbc;
		this.tx = tx;
		// scheduling joins the Spring transaction that records the run
		this.dataSource = new TransactionAwareDataSourceProxy(dataSource);
		this.worker = name.get();
		this.partitionTask = Tasks.oneTime(PARTITION_TASK, long[].class)
			.onFailure(this::partitionFailed)
			.onDeadExecutionRevive()
			.execute((instance, context) -> computePartition(instance));
		this.publishTask = Tasks.oneTime(PUBLISH_TASK)
			.onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(5)))
			.onDeadExecutionRevive()
			.execute((instance, context) -> publish(run(instance.getId())));
	}

	/**
	 * Starts this instance's worker once the application (and its road graph) is ready.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!settings.distributed()) {
			return;
		}
		scheduler = Scheduler.create(dataSource, partitionTask, publishTask)
			.schedulerName(new SchedulerName.Fixed(worker))
			.threads(Math.max(1, settings.threads()))
			.pollingInterval(settings.pollInterval())
			.heartbeatInterval(settings.heartbeat())
			.missedHeartbeatsLimit(Math.max(4, settings.missedHeartbeats()))
			.shutdownMaxWait(Duration.ofSeconds(5))
			.enableImmediateExecution()
			.build();
		scheduler.start();
		log.info("Distributed precompute worker {} started (heartbeat {}, a silent worker's partition moves after {})",
				worker, settings.heartbeat(), settings.deadAfter());
		if (settings.planOnChange() && (changedBeforeStart || precompute.latestRun().isEmpty())) {
			planning.execute(() -> planLogged(changedBeforeStart ? "start-up: offers changed while starting"
					: "start-up: no travel-time run yet"));
		}
	}

	@EventListener
	void onOffersChanged(OffersChanged event) {
		if (settings.distributed() && settings.planOnChange()) {
			if (scheduler == null) {
				changedBeforeStart = true;
			}
			else {
				planning.execute(() -> planLogged("offers changed: " + event.source()));
			}
		}
	}

	private void planLogged(String why) {
		try {
			startRun(why);
		}
		catch (RuntimeException e) {
			log.error("Could not plan a distributed precompute run ({}); the previous table is kept", why, e);
		}
	}

	/**
	 * Plans a run, one job per partition, unless one is being computed: then that run is
	 * asked to plan another once it is published (offers may have changed since it was
	 * planned).
	 */
	public PrecomputeProgress startRun(String requestedBy) {
		if (!settings.distributed()) {
			throw new InvalidInputException(HttpStatus.CONFLICT, "This instance does not run the distributed"
					+ " precompute (proxima.precompute.distributed=false): use POST /api/admin/travel-times/refresh");
		}
		Scheduler client = scheduler;
		if (client == null) {
			throw new InvalidInputException(HttpStatus.SERVICE_UNAVAILABLE,
					"This instance's precompute worker is" + " not started yet");
		}
		tx.executeWithoutResult(status -> {
			// one planner at a time over every instance
			jdbc.queryForList("SELECT version FROM data_version WHERE id = 1 FOR UPDATE", Long.class);
			Long active = store.activeRun().orElse(null);
			if (active != null && store.scheduledJobs(active) == 0) {
				log.warn("Distributed precompute run {} has no job left: marked failed", active);
				store.markRun(active, "failed", null);
				active = null;
			}
			if (active != null) {
				store.requestRerun(active);
				log.info("Distributed precompute run {} is being computed: another is planned after it ({})", active,
						requestedBy);
				return;
			}
			List<PartitionPlanner.Planned> plan = planner.plan();
			if (plan.isEmpty()) {
				return;
			}
			long run = store.insertRun(plan, requestedBy);
			Instant now = Instant.now();
			client.scheduleBatch(plan.stream()
				.<TaskInstance<?>>map(p -> partitionTask.instance("r" + run + "-" + p.departement(), p.offers()))
				.toList(), now);
			log.info("Distributed precompute run {} planned ({}): {} partitions, {} offers", run, requestedBy,
					plan.size(), plan.stream().mapToInt(p -> p.offers().length).sum());
		});
		return progress();
	}

	public PrecomputeProgress progress() {
		return store.progress(settings.distributed());
	}

	private void computePartition(TaskInstance<long[]> instance) {
		long run = run(instance.getId());
		String departement = instance.getId().substring(instance.getId().indexOf('-') + 1);
		if (!store.runState(run).equals("running")) {
			return;
		}
		if (store.claim(run, departement, worker)) {
			long[] offers = instance.getData();
			long t0 = System.nanoTime();
			Integer pairs = tx.execute(status -> {
				if (!store.lock(run, departement)) {
					return null;
				}
				int written = precompute.recomputeOffers(Arrays.stream(offers).boxed().toList());
				store.done(run, departement, worker, written);
				return written;
			});
			if (pairs != null) {
				log.info("Precompute run {}: partition {} done by {}: {} offers, {} pairs in {} ms", run, departement,
						worker, offers.length, pairs, (System.nanoTime() - t0) / 1_000_000);
			}
		}
		tx.executeWithoutResult(status -> {
			if (store.allDone(run)) {
				scheduler.schedule(publishTask.instance("r" + run), Instant.now());
			}
		});
	}

	private void partitionFailed(ExecutionComplete complete, ExecutionOperations<long[]> operations) {
		String id = complete.getExecution().taskInstance.getId();
		long run = run(id);
		String departement = id.substring(id.indexOf('-') + 1);
		int failures = complete.getExecution().consecutiveFailures + 1;
		boolean last = failures >= Math.max(1, settings.retries());
		String cause = complete.getCause().map(Throwable::toString).orElse("failed");
		log.warn("Precompute run {}: partition {} failed on {} (attempt {}): {}", run, departement, worker, failures,
				cause);
		store.failed(run, departement, cause, last);
		if (last) {
			operations.stop();
			store.markRun(run, "failed", null);
		}
		else {
			operations.reschedule(complete, Instant.now().plusSeconds(2L * failures));
		}
	}

	private void publish(long run) {
		Boolean published = tx.execute(status -> {
			if (!store.runState(run).equals("publishing")) {
				return false;
			}
			TravelTimeRun recorded = precompute.publishRun();
			store.markRun(run, "published", recorded.id());
			log.info("Distributed precompute run {} published as travel-time run {} ({} pairs)", run, recorded.id(),
					recorded.pairs());
			return true;
		});
		if (Boolean.TRUE.equals(published) && store.rerunRequested(run)) {
			startRun("asked for while run " + run + " was computed");
		}
	}

	private static long run(String instanceId) {
		int dash = instanceId.indexOf('-');
		return Long.parseLong(instanceId.substring(1, dash < 0 ? instanceId.length() : dash));
	}

	@Override
	public void destroy() {
		planning.shutdownNow();
		Scheduler s = scheduler;
		if (s != null) {
			s.stop();
		}
	}

}
