package org.credfolio.shared.store;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStoreTool;

/**
 * The embedded file store as the service opens it ({@link EmbeddedMongoAutoConfiguration}), with
 * what a test or benchmark of its size needs to see: the file, H2's account of its live data and
 * the compaction figures.
 */
public final class FileStoreServer implements AutoCloseable {
    private final Path file;
    private final CompactingH2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    private FileStoreServer(Path file, CompactingH2Backend backend) {
        this.file = file;
        this.backend = backend;
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        this.address = server.getLocalAddress();
    }

    /** Opens (or creates) the store in this data directory, durable writes on or off. */
    public static FileStoreServer open(Path dataDirectory, boolean durableWrites) throws IOException {
        EmbeddedStoreProperties properties = new EmbeddedStoreProperties(dataDirectory, false, durableWrites);
        return new FileStoreServer(
                dataDirectory.resolve("credfolio.mv"), EmbeddedMongoAutoConfiguration.h2Backend(properties));
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    public Path file() {
        return file;
    }

    public long fileBytes() {
        return size(file);
    }

    /**
     * The live data by H2's own accounting: the space its chunks take in the file times the share
     * of that space still in use. Moments after a write it also counts pages that the next commits
     * will find dead, so it errs high.
     */
    public long liveBytes() {
        FileStore<?> store = backend.getMvStore().getFileStore();
        return store.size() * store.getFillRate() / 100 * store.getChunksFillRate() / 100;
    }

    public int chunksFillRate() {
        return backend.getMvStore().getFileStore().getChunksFillRate();
    }

    public long compactionSteps() {
        return backend.compactionStats().steps();
    }

    public long postponedCompactionSteps() {
        return backend.compactionStats().postponed();
    }

    public double longestCompactionPauseMillis() {
        return backend.compactionStats().longestPauseNanos() / 1e6;
    }

    public double compactionPauseMillis() {
        return backend.compactionStats().pauseNanos() / 1e6;
    }

    /** Shuts the server down and closes the store file (a clean shutdown). */
    @Override
    public void close() {
        server.shutdown();
    }

    /** The size of a fresh compacted copy of a closed store file: its live data exactly. */
    public static long compactedCopyBytes(Path file) throws IOException {
        Path copy = Files.createTempFile(file.getParent(), "compacted-", ".mv");
        try {
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            MVStoreTool.compact(copy.toString(), false);
            return Files.size(copy);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
