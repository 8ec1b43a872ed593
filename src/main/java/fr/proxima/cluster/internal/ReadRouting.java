package fr.proxima.cluster.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import fr.proxima.cluster.ClusterStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * Hands out connections: to a streaming replica when {@link ReadIntent#replica()} says
 * the work only reads, to the primary otherwise. Each instance reads from one replica
 * (picked at random at start, the next one up if it is set aside). A replica whose pool
 * gives no connection within {@code proxima.db.replica-wait}, or whose connection fails
 * its check (one empty query, made on every read since a pooled connection to pgbouncer
 * outlives the replica behind it), is set aside at once and the read goes to the primary;
 * a background probe, every {@code proxima.db.replica-check-interval}, takes it back once
 * it answers again and has replayed the data version this instance has already seen (so
 * that coming back to a replica never shows older data). Used behind a
 * {@code LazyConnectionDataSourceProxy}, so that the choice is made at the first
 * statement, once the transaction's read-only flag is known.
 */
public final class ReadRouting implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ReadRouting.class);

	private final HikariDataSource primary;

	private final List<Replica> replicas;

	private final int first;

	private final int checkSeconds;

	private final AtomicLong primaryReads = new AtomicLong();

	private final ScheduledExecutorService probes;

	private volatile LongSupplier seenVersion = () -> 0;

	ReadRouting(HikariDataSource primary, List<HikariDataSource> replicas, long checkMillis, int checkSeconds) {
		this.primary = primary;
		this.checkSeconds = checkSeconds;
		this.replicas = replicas.stream().map(Replica::new).toList();
		this.first = ThreadLocalRandom.current().nextInt(replicas.size());
		this.probes = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "replica-probe");
			t.setDaemon(true);
			return t;
		});
		this.probes.scheduleWithFixedDelay(this::probe, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
	}

	/**
	 * The data version this instance has seen, below which a replica is not used again.
	 */
	void seenVersion(LongSupplier version) {
		this.seenVersion = version;
	}

	Connection connection() throws SQLException {
		if (!ReadIntent.replica()) {
			return primary.getConnection();
		}
		for (int i = 0; i < replicas.size(); i++) {
			Replica r = replicas.get((first + i) % replicas.size());
			if (!r.up) {
				continue;
			}
			try {
				Connection c = r.pool.getConnection();
				// one empty query: a pooled connection to pgbouncer outlives the replica
				// behind it
				if (c.isValid(checkSeconds)) {
					r.reads.incrementAndGet();
					return c;
				}
				r.pool.evictConnection(c);
				r.setAside(new SQLException("connection check failed"));
			}
			catch (SQLException e) {
				r.setAside(e);
			}
		}
		primaryReads.incrementAndGet();
		return primary.getConnection();
	}

	private void probe() {
		for (Replica r : replicas) {
			try (Connection c = r.pool.getConnection();
					Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("SELECT version FROM data_version WHERE id = 1")) {
				long version = rs.next() ? rs.getLong(1) : -1;
				if (!r.up && version >= seenVersion.getAsLong()) {
					r.up = true;
					r.lastError = null;
					log.info("Replica {} answers again at data version {}: reads go back to it", r.pool.getJdbcUrl(),
							version);
				}
			}
			catch (SQLException | RuntimeException e) {
				r.setAside(e);
			}
		}
	}

	public ClusterStatus.Reads status() {
		return new ClusterStatus.Reads(primaryReads.get(),
				replicas.stream()
					.map(r -> new ClusterStatus.Replica(r.pool.getJdbcUrl(), r.up, r.reads.get(), r.lastError))
					.toList());
	}

	@Override
	public void close() {
		probes.shutdownNow();
		replicas.forEach(r -> r.pool.close());
		primary.close();
	}

	/** The adapter given to the lazy proxy. */
	DataSource asDataSource() {
		return new Adapter();
	}

	private static final class Replica {

		final HikariDataSource pool;

		final AtomicLong reads = new AtomicLong();

		volatile boolean up = true;

		volatile String lastError;

		Replica(HikariDataSource pool) {
			this.pool = pool;
		}

		void setAside(Exception e) {
			lastError = e.getMessage();
			if (up) {
				up = false;
				log.warn("Replica {} set aside, reads go to the primary until it answers: {}", pool.getJdbcUrl(),
						e.getMessage());
			}
		}

	}

	private final class Adapter extends AbstractDataSource {

		@Override
		public Connection getConnection() throws SQLException {
			return connection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			throw new SQLException("Credentials come from spring.datasource.*");
		}

	}

}
