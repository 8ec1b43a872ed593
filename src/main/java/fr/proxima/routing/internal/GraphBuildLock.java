package fr.proxima.routing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operating-system lock on {@code <graph-dir>.lock}, held while one instance checks,
 * builds or loads the road graph (issue 16): instances sharing a graph folder never build
 * it at the same time; the ones that waited find it built and load it. The lock file sits
 * beside the folder, since a build empties the folder. Released when the process dies.
 */
final class GraphBuildLock implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(GraphBuildLock.class);

	private final FileChannel channel;

	private final FileLock lock;

	private GraphBuildLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	static GraphBuildLock acquire(Path graphDir) {
		Path file = graphDir.resolveSibling(graphDir.getFileName() + ".lock");
		try {
			Files.createDirectories(graphDir);
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				log.info("Another process holds {}: waiting for it to finish the road graph", file);
				lock = channel.lock();
			}
			return new GraphBuildLock(channel, lock);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot lock " + file, e);
		}
	}

	@Override
	public void close() {
		try {
			lock.release();
			channel.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
