package fr.proxima.cluster.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import fr.proxima.cluster.PrecomputeProgress;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The runs and partitions of the distributed precompute (tables {@code precompute_run}
 * and {@code precompute_partition}): what each worker claims, finishes or fails, and the
 * progress every instance reads.
 */
@Component
class PrecomputeStore {

	private final JdbcTemplate jdbc;

	PrecomputeStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

	/** The run being computed, if any. */
	Optional<Long> activeRun() {
		return jdbc
			.queryForList("SELECT id FROM precompute_run WHERE state IN ('running', 'publishing') ORDER BY id",
					Long.class)
			.stream()
			.findFirst();
	}

	long insertRun(List<PartitionPlanner.Planned> plan, String requestedBy) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		int offers = plan.stream().mapToInt(p -> p.offers().length).sum();
		jdbc.update(c -> {
			var s = c
				.prepareStatement("INSERT INTO precompute_run (state, partitions, offers, requested_by, started_at)"
						+ " VALUES ('running', ?, ?, ?, ?)", new String[] { "id" });
			s.setInt(1, plan.size());
			s.setInt(2, offers);
			s.setString(3, requestedBy.length() > 200 ? requestedBy.substring(0, 200) : requestedBy);
			s.setObject(4, now());
			return s;
		}, key);
		long run = key.getKey().longValue();
		jdbc.batchUpdate(
				"INSERT INTO precompute_partition (run_id, departement, offers, target_departements,"
						+ " target_communes, state) VALUES (?, ?, ?, ?, ?, 'waiting')",
				plan.stream()
					.map(p -> new Object[] { run, p.departement(), p.offers().length,
							String.join(",", p.targetDepartements()), p.targetCommunes() })
					.toList());
		return run;
	}

	void requestRerun(long run) {
		jdbc.update("UPDATE precompute_run SET rerun_requested = TRUE WHERE id = ?", run);
	}

	void markRun(long run, String state, Long travelTimeRun) {
		jdbc.update("UPDATE precompute_run SET state = ?, travel_time_run_id = COALESCE(?, travel_time_run_id),"
				+ " finished_at = ? WHERE id = ?", state, travelTimeRun, now(), run);
	}

	String runState(long run) {
		return jdbc.queryForList("SELECT state FROM precompute_run WHERE id = ?", String.class, run)
			.stream()
			.findFirst()
			.orElse("gone");
	}

	boolean rerunRequested(long run) {
		return Boolean.TRUE
			.equals(jdbc.queryForObject("SELECT rerun_requested FROM precompute_run WHERE id = ?", Boolean.class, run));
	}

	/**
	 * Marks the partition running on this worker, unless it is done; waits while another
	 * worker holds it.
	 * @return whether it is to be computed
	 */
	boolean claim(long run, String departement, String worker) {
		return jdbc.update("UPDATE precompute_partition SET state = 'running', worker = ?, attempts = attempts + 1,"
				+ " started_at = ?, finished_at = NULL WHERE run_id = ? AND departement = ? AND state <> 'done'",
				worker, now(), run, departement) == 1;
	}

	/**
	 * Locks the partition's row until the current transaction ends: a second worker given
	 * the same partition (its first worker declared dead while alive) waits here.
	 * @return whether it is still to be computed
	 */
	boolean lock(long run, String departement) {
		List<String> state = jdbc.queryForList(
				"SELECT state FROM precompute_partition WHERE run_id = ? AND departement = ? FOR UPDATE", String.class,
				run, departement);
		return !state.isEmpty() && !state.get(0).equals("done");
	}

	void done(long run, String departement, String worker, int pairs) {
		jdbc.update(
				"UPDATE precompute_partition SET state = 'done', worker = ?, pairs = ?, finished_at = ?,"
						+ " last_error = NULL WHERE run_id = ? AND departement = ?",
				worker, pairs, now(), run, departement);
	}

	void failed(long run, String departement, String error, boolean last) {
		String message = error == null ? "" : error.length() > 500 ? error.substring(0, 500) : error;
		jdbc.update(
				"UPDATE precompute_partition SET state = ?, last_error = ?, finished_at = ? WHERE run_id = ?"
						+ " AND departement = ? AND state <> 'done'",
				last ? "failed" : "waiting", message, now(), run, departement);
	}

	/**
	 * Moves the run to {@code publishing} when every partition is done; only one caller
	 * gets {@code true}.
	 */
	boolean allDone(long run) {
		return jdbc.update(
				"UPDATE precompute_run SET state = 'publishing' WHERE id = ? AND state = 'running'"
						+ " AND NOT EXISTS (SELECT 1 FROM precompute_partition WHERE run_id = ? AND state <> 'done')",
				run, run) == 1;
	}

	/** How many jobs of the run db-scheduler still holds. */
	int scheduledJobs(long run) {
		Integer n = jdbc.queryForObject(
				"SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ? OR task_instance LIKE ?", Integer.class,
				"r" + run, "r" + run + "-%");
		return n == null ? 0 : n;
	}

	/** The latest run and its partitions. */
	PrecomputeProgress progress(boolean distributed) {
		List<PrecomputeProgress.Run> runs = jdbc.query(
				"SELECT * FROM precompute_run ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", (rs, i) -> run(rs, 0, 0, 0));
		if (runs.isEmpty()) {
			return new PrecomputeProgress(distributed, null, List.of(), List.of());
		}
		PrecomputeProgress.Run head = runs.get(0);
		List<PrecomputeProgress.Partition> partitions = jdbc.query(
				"SELECT * FROM precompute_partition WHERE run_id = ? ORDER BY departement", this::partition, head.id());
		Map<String, int[]> counts = new TreeMap<>();
		Map<String, Long> pairs = new TreeMap<>();
		for (PrecomputeProgress.Partition p : partitions) {
			if (p.worker() != null && (p.state().equals("done") || p.state().equals("running"))) {
				counts.computeIfAbsent(p.worker(), w -> new int[2])[p.state().equals("done") ? 0 : 1]++;
				pairs.merge(p.worker(), p.pairs() == null ? 0L : p.pairs(), Long::sum);
			}
		}
		List<PrecomputeProgress.Worker> workers = new ArrayList<>();
		counts.forEach((w, c) -> workers.add(new PrecomputeProgress.Worker(w, c[0], c[1], pairs.get(w))));
		int done = count(partitions, "done");
		PrecomputeProgress.Run run = new PrecomputeProgress.Run(head.id(), head.state(), head.partitions(), done,
				count(partitions, "running"), count(partitions, "failed"), head.offers(), head.rerunRequested(),
				head.travelTimeRun(), head.startedAt(), head.finishedAt(), head.seconds());
		return new PrecomputeProgress(distributed, run, workers, partitions);
	}

	private static int count(List<PrecomputeProgress.Partition> partitions, String state) {
		return (int) partitions.stream().filter(p -> p.state().equals(state)).count();
	}

	private PrecomputeProgress.Run run(ResultSet rs, int done, int running, int failed) throws SQLException {
		OffsetDateTime started = rs.getObject("started_at", OffsetDateTime.class);
		OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
		long published = rs.getLong("travel_time_run_id");
		Long travelTimeRun = rs.wasNull() ? null : published;
		return new PrecomputeProgress.Run(rs.getLong("id"), rs.getString("state"), rs.getInt("partitions"), done,
				running, failed, rs.getInt("offers"), rs.getBoolean("rerun_requested"), travelTimeRun, started,
				finished, seconds(started, finished));
	}

	private PrecomputeProgress.Partition partition(ResultSet rs, int i) throws SQLException {
		String targets = rs.getString("target_departements");
		int pairs = rs.getInt("pairs");
		Integer written = rs.wasNull() ? null : pairs;
		OffsetDateTime started = rs.getObject("started_at", OffsetDateTime.class);
		OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
		return new PrecomputeProgress.Partition(rs.getString("departement"), rs.getInt("offers"),
				targets.isEmpty() ? List.of() : Arrays.asList(targets.split(",")), rs.getInt("target_communes"),
				rs.getString("state"), rs.getString("worker"), rs.getInt("attempts"), written,
				started == null ? null : seconds(started, finished), rs.getString("last_error"));
	}

	private static double seconds(OffsetDateTime from, OffsetDateTime to) {
		return Duration.between(from, to == null ? now() : to).toMillis() / 1000.0;
	}

}
