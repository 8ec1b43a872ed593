package fr.proxima.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs GDAL's command-line tools ({@code ogrinfo}, {@code ogr2ogr} from Debian's
 * {@code gdal-bin}) as real clients. Without them a test is skipped with a message on a
 * laptop, and fails in CI ({@code CI=true}).
 */
public final class Gdal {

	private Gdal() {
	}

	/** Skips (laptop) or fails (CI) when GDAL's tools are missing. */
	public static void require() {
		if (available()) {
			return;
		}
		String message = "GDAL's ogrinfo/ogr2ogr are not on the PATH: install Debian's gdal-bin (.ci/run does)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("GDAL is required in CI but " + message);
		}
		Assumptions.abort("Skipping the GDAL client test: " + message);
	}

	private static boolean available() {
		try {
			return new ProcessBuilder("ogrinfo", "--version").start().waitFor() == 0
					&& new ProcessBuilder("ogr2ogr", "--version").start().waitFor() == 0;
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Runs a GDAL tool; its standard output, after asserting it exited with 0. */
	public static String run(String... command) {
		List<String> args = new ArrayList<>(List.of(command));
		try {
			ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
			// no proxy, no user configuration: the client talks only to the test server
			pb.environment().put("GDAL_HTTP_TIMEOUT", "60");
			pb.environment().put("CPL_VSIL_CURL_USE_HEAD", "NO");
			pb.environment().put("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR");
			Process p = pb.start();
			byte[] out = p.getInputStream().readAllBytes();
			boolean done = p.waitFor(180, TimeUnit.SECONDS);
			String text = new String(out, StandardCharsets.UTF_8);
			assertThat(done).as("%s timed out", args).isTrue();
			assertThat(p.exitValue()).as("%s answered:%n%s", args, text).isZero();
			return text;
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot run " + args, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
