package fr.proxima.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The self-hosted basemap of the Andorra extract, built by {@code gis/build-basemap.sh}
 * (tilemaker) for the tests that serve or draw it (issue 14).
 */
public final class AndorraBasemap {

	private AndorraBasemap() {
	}

	/**
	 * Builds the basemap into {@code file}: null when built, else why it could not be.
	 */
	public static String build(Path file) {
		Path log = file.resolveSibling(file.getFileName() + ".log");
		try {
			Files.createDirectories(file.getParent());
			Files.deleteIfExists(file);
			Process p = new ProcessBuilder("gis/build-basemap.sh", SharedData.file("04_osm/andorra.osm.pbf").toString(),
					file.toString())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
				return "gis/build-basemap.sh failed, see " + log + ": "
						+ Files.readString(log).lines().reduce((a, b) -> b).orElse("");
			}
			return null;
		}
		catch (IOException e) {
			return "cannot run gis/build-basemap.sh: " + e.getMessage();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "interrupted while building the basemap";
		}
	}

	/**
	 * Fails in CI (tilemaker is installed by {@code .ci/run}), skips elsewhere, when the
	 * basemap could not be built.
	 */
	public static void require(String unavailable) {
		if (unavailable == null) {
			return;
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException(
					"The basemap must build in CI (tilemaker, installed by .ci/run): " + unavailable);
		}
		Assumptions.abort("Skipping the basemap test (apt-get install tilemaker to run it): " + unavailable);
	}

}
