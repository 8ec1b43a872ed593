package fr.proxima.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real open data beside the checkout ({@code ../shared/data}); tests read it there
 * and never copy it.
 */
public final class SharedData {

	private SharedData() {
	}

	public static Path root() {
		String configured = System.getProperty("proxima.shared-data");
		Path root = Path.of(configured != null ? configured : "../shared/data").toAbsolutePath().normalize();
		if (!Files.isDirectory(root)) {
			throw new IllegalStateException("Shared open data not found at " + root
					+ ": clone the project beside its shared/ folder or set -Dproxima.shared-data");
		}
		return root;
	}

	public static Path file(String relative) {
		return root().resolve(relative);
	}

}
