package org.credfolio.shared.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reclaims the embedded store's dead space at start, when the file is large and mostly dead: a file
 * written before {@link OnlineCompaction} kept it small (a commit per durable write left it at many
 * times its live data), or one whose online compaction fell behind. Before the store opens no
 * command can run: H2 copies the live data into a new file and swaps it in atomically (a crash in
 * between leaves the old file). A large file that is mostly live is left alone: copying it would
 * only make the start slow.
 */
final class StartupCompaction {
    private static final Logger log = LoggerFactory.getLogger(StartupCompaction.class);
    /** Below this the copy is not worth the start-up time. */
    static final long THRESHOLD_BYTES = 64L * 1024 * 1024;
    /** Online compaction keeps the file at about twice its live data; beyond this it is worth a copy. */
    static final int MAX_FILE_TO_LIVE = 3;

    private StartupCompaction() {}

    static void compactIfLarge(Path file) throws IOException {
        compactIfLarger(file, THRESHOLD_BYTES);
    }

    static void compactIfLarger(Path file, long threshold) throws IOException {
        // First: a copy interrupted between its renames can have left the data in the new file only.
        MVStoreTool.compactCleanUp(file.toString());
        if (!Files.exists(file) || Files.size(file) < threshold) {
            return;
        }
        long before = Files.size(file);
        long live;
        try {
            live = liveBytes(file);
        } catch (RuntimeException e) {
            // Opening the store proper reports (or repairs) what is wrong with the file.
            log.warn("Embedded store not compacted at start: cannot read its chunk table: {}", e.toString());
            return;
        }
        if (before <= MAX_FILE_TO_LIVE * live) {
            log.debug("Embedded store not compacted at start: {} MB, about {} MB live.", mb(before), mb(live));
            return;
        }
        long started = System.nanoTime();
        MVStoreTool.compact(file.toString(), false);
        OwnerOnlyFiles.file(file);
        log.info(
                "Embedded store compacted at start: {} MB to {} MB in {} ms.",
                mb(before),
                mb(Files.size(file)),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The live data by H2's account (the chunks' share of the file, times the live share of the
     * chunks), read from the file's chunk table without reading the data.
     */
    private static long liveBytes(Path file) {
        try (MVStore store =
                new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            FileStore<?> chunks = store.getFileStore();
            return chunks.size() * chunks.getFillRate() / 100 * chunks.getChunksFillRate() / 100;
        }
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
