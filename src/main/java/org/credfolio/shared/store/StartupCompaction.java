package org.credfolio.shared.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reclaims the embedded store's dead space at start. Background compaction stays off (it can drop a
 * chunk a long scan is still reading), and a commit per durable write leaves many partly used
 * chunks, so the file grows well past its live data. Before the store opens no cursor can be open:
 * then H2 copies the live data into a new file and swaps it in atomically (a crash in between
 * leaves the old file).
 */
final class StartupCompaction {
    private static final Logger log = LoggerFactory.getLogger(StartupCompaction.class);
    /** Below this the copy is not worth the start-up time. */
    static final long THRESHOLD_BYTES = 64L * 1024 * 1024;

    private StartupCompaction() {}

    static void compactIfLarge(Path file) throws IOException {
        compactIfLarger(file, THRESHOLD_BYTES);
    }

    static void compactIfLarger(Path file, long threshold) throws IOException {
        if (!Files.exists(file) || Files.size(file) < threshold) {
            return;
        }
        long before = Files.size(file);
        long started = System.nanoTime();
        MVStoreTool.compactCleanUp(file.toString());
        MVStoreTool.compact(file.toString(), false);
        OwnerOnlyFiles.file(file);
        log.info(
                "Embedded store compacted at start: {} MB to {} MB in {} ms.",
                before / (1024 * 1024),
                Files.size(file) / (1024 * 1024),
                (System.nanoTime() - started) / 1_000_000);
    }
}
