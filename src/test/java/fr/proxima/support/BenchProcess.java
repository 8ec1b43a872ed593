package fr.proxima.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server process started by a bench (issue 15): its start time to a healthy answer, its
 * CPU time and peak resident memory read from {@code /proc}, and a stop that never leaves
 * it running (SIGTERM, then SIGKILL after 30 s).
 */
public final class BenchProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final Process process;

	private final long startNanos;

	private final Path log;

	private BenchProcess(Process process, long startNanos, Path log) {
		this.process = process;
		this.startNanos = startNanos;
		this.log = log;
	}

	/**
	 * Starts {@code command} in {@code dir}, its output (both streams) into {@code log}.
	 */
	public static BenchProcess start(List<String> command, Path dir, Map<String, String> env, Path log) {
		try {
			Files.createDirectories(dir);
			ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			pb.environment().putAll(env);
			long t0 = System.nanoTime();
			return new BenchProcess(pb.start(), t0, log);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Waits until {@code url} answers 200 and returns the seconds since the process
	 * started; fails when the process dies or the timeout passes.
	 */
	public double awaitHealthy(String url, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The server stopped (exit " + process.exitValue() + "); see " + log);
			}
			try {
				if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return (System.nanoTime() - startNanos) / 1e9;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(50);
		}
		throw new IllegalStateException("No healthy answer from " + url + " within " + timeout + "; see " + log);
	}

	/**
	 * Waits until the log holds one of the given texts; returns the seconds since start.
	 */
	public double awaitLog(Duration timeout, String... texts) throws InterruptedException, IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			String content = Files.readString(log);
			for (String text : texts) {
				if (content.contains(text)) {
					return (System.nanoTime() - startNanos) / 1e9;
				}
			}
			if (!process.isAlive()) {
				throw new IllegalStateException("The server stopped (exit " + process.exitValue() + "); see " + log);
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("None of " + List.of(texts) + " in " + log + " within " + timeout);
	}

	/** Waits for the process to end by itself; its exit code, or -1 after the timeout. */
	public int awaitExit(Duration timeout) throws InterruptedException {
		return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
	}

	/** Peak resident memory so far (VmHWM), in MB. */
	public long peakRssMb() {
		return statusKb("VmHWM:") / 1024;
	}

	/** User + system CPU seconds used so far. */
	public double cpuSeconds() {
		try {
			String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime,
																			// stime
		}
		catch (IOException e) {
			return Double.NaN;
		}
	}

	public long pid() {
		return process.pid();
	}

	public Path log() {
		return log;
	}

	private long statusKb(String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
				if (line.startsWith(field)) {
					return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
				}
			}
		}
		catch (IOException e) {
			// gone
		}
		return -1;
	}

	/**
	 * Sends SIGTERM and waits up to {@code timeout} for the process to end (a JVM writing
	 * an archive at exit), then stops it as {@link #close()} does.
	 * @return its exit code, or -1 when it had to be killed
	 */
	public int stopAndAwaitExit(Duration timeout) throws InterruptedException {
		process.destroy();
		if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			return process.exitValue();
		}
		close();
		return -1;
	}

	/** Stops the process: SIGTERM, then SIGKILL after 30 s. */
	@Override
	public void close() {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	public static int freePort() {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
