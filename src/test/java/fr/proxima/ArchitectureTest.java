package fr.proxima;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

// issue 3: only the routing module uses GraphHopper, so that it stays replaceable
class ArchitectureTest {

	private static final Path CLASSES = Path.of("target/classes/fr/proxima");

	@Test
	void onlyRoutingReferencesGraphHopper() throws IOException {
		List<Path> all;
		try (Stream<Path> files = Files.walk(CLASSES)) {
			all = files.filter(f -> f.toString().endsWith(".class")).toList();
		}
		List<Path> users = all.stream().filter(ArchitectureTest::referencesGraphHopper).toList();
		assertThat(users).as("classes referencing com.graphhopper").isNotEmpty();
		assertThat(users).allMatch(f -> CLASSES.relativize(f).startsWith("routing"),
				"only fr.proxima.routing may reference com.graphhopper");
		assertThat(users).as("outside routing/internal")
			.allMatch(f -> CLASSES.relativize(f).startsWith(Path.of("routing", "internal")));
	}

	/**
	 * A class's constant pool names every class it uses, in internal form
	 * (com/graphhopper/...).
	 */
	private static boolean referencesGraphHopper(Path classFile) {
		try {
			return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("com/graphhopper/");
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
