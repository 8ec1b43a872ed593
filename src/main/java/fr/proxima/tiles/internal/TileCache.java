package fr.proxima.tiles.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tiles on disk under {@code <cacheDir>/<generation>/<tileset>/<z>/<x>/<y>.mvt}. A new
 * generation starts at start-up and at every {@link #invalidate()} (after an import), and
 * the older ones are deleted, so a tile is never served from data that changed. The ETag
 * is a digest of the tile's bytes.
 */
public class TileCache {

	private static final Logger log = LoggerFactory.getLogger(TileCache.class);

	private final Path root;

	private final AtomicLong generation = new AtomicLong(System.currentTimeMillis());

	public TileCache(Path root) {
		this.root = root.toAbsolutePath().normalize();
		deleteAllBut(-1);
	}

	/** A cached tile and whether it came from the cache. */
	public record Tile(byte[] bytes, String etag, boolean cached) {
	}

	public Tile get(String tileset, int z, int x, int y, Supplier<byte[]> build) {
		long gen = generation.get();
		Path file = root.resolve(Long.toString(gen)).resolve(tileset).resolve(z + "/" + x + "/" + y + ".mvt");
		try {
			if (Files.exists(file)) {
				byte[] bytes = Files.readAllBytes(file);
				return new Tile(bytes, etag(bytes), true);
			}
			byte[] bytes = build.get();
			if (gen == generation.get()) {
				Files.createDirectories(file.getParent());
				Path tmp = Files.createTempFile(file.getParent(), "tile", ".tmp");
				Files.write(tmp, bytes);
				Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			return new Tile(bytes, etag(bytes), false);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Starts a new generation and deletes the tiles of the previous ones. */
	public void invalidate() {
		long gen = generation.incrementAndGet();
		deleteAllBut(gen);
	}

	private void deleteAllBut(long keep) {
		if (!Files.isDirectory(root)) {
			return;
		}
		try (Stream<Path> generations = Files.list(root)) {
			for (Path g : generations.filter(p -> !p.getFileName().toString().equals(Long.toString(keep))).toList()) {
				try (Stream<Path> all = Files.walk(g)) {
					all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
				}
			}
		}
		catch (IOException e) {
			log.warn("Could not empty the tile cache {}: {}", root, e.getMessage());
		}
	}

	static String etag(byte[] bytes) {
		try {
			byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
			return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
