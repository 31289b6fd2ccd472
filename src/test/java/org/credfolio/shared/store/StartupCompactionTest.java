package org.credfolio.shared.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store file full of dead chunks (a commit per write, before online compaction) shrinks at start
 * and keeps every live entry; a file that is mostly live is left as it is.
 */
class StartupCompactionTest {
    @TempDir
    Path directory;

    @Test
    void deadSpaceIsReclaimedAndLiveDataKept() throws Exception {
        Path file = directory.resolve("credfolio.mv");
        OwnerOnlyFiles.directory(directory);
        OwnerOnlyFiles.file(file);
        try (MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .autoCompactFillRate(0)
                .autoCommitDisabled()
                .open()) {
            MVMap<Integer, String> map = store.openMap("learners");
            for (int round = 0; round < 200; round++) {
                for (int key = 0; key < 50; key++) {
                    map.put(key, "round " + round + " " + "x".repeat(500));
                }
                store.commit();
            }
        }
        long before = Files.size(file);

        StartupCompaction.compactIfLarger(file, 0);

        assertThat(Files.size(file)).isLessThan(before / 2);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        try (MVStore store =
                new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            MVMap<Integer, String> map = store.openMap("learners");
            assertThat(map.size()).isEqualTo(50);
            assertThat(map.get(7)).startsWith("round 199 ");
        }
    }

    /** Online compaction keeps a file under three times its live data: a copy would only slow the start. */
    @Test
    void aFileThatIsMostlyLiveIsLeftAlone() throws Exception {
        Path file = directory.resolve("live.mv");
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            MVMap<Integer, String> map = store.openMap("learners");
            for (int key = 0; key < 2_000; key++) {
                map.put(key, "learner " + key + " " + "x".repeat(500));
            }
        }
        long modified = Files.getLastModifiedTime(file).toMillis();
        StartupCompaction.compactIfLarger(file, 0);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
    }

    @Test
    void aSmallFileIsLeftAlone() throws Exception {
        Path file = directory.resolve("small.mv");
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            store.openMap("m").put(1, "one");
        }
        long modified = Files.getLastModifiedTime(file).toMillis();
        StartupCompaction.compactIfLarge(file);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
    }
}
