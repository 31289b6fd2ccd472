package org.credfolio.shared.store;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;

/**
 * Keeps a running command's reads valid while the store reclaims space. H2's background compaction
 * had to go (it rewrote and freed chunks that a long scan was still reading: "Chunk N not found",
 * h2database/h2database#4383); {@link OnlineCompaction} reclaims space behind two guards instead,
 * either of which alone kept OnlineCompactionTest's reads whole (without both they failed in every
 * run):
 *
 * <ul>
 *   <li>A compaction step runs {@linkplain #exclusive exclusively}: while no command runs, so it never
 *       moves pages under a scan. Between commands nothing of the store is held: a find collects all
 *       its matches into a list before it answers, and {@code getMore} hands out the rest of that
 *       list; an aggregation answers everything in its first batch (mongo-java-server 1.47). And
 *       mongo-java-server reads and writes a collection under that collection's lock, so no write
 *       to a collection runs during a scan of it either.
 *   <li>Each command registers the store version it starts at ({@link MVStore#registerVersionUsage()},
 *       what H2's own transactions do), and H2 frees no chunk that this version still uses until the
 *       command ends. mongo-java-server reads plain MVMaps without it. This is H2's own guarantee
 *       for whatever else commits alongside a read (a later mongo-java-server that locks less, say);
 *       it costs an atomic counter per command and delays the reuse of a freed chunk at most until
 *       the commands running at that moment end.
 * </ul>
 */
final class CommandGate {
    private final MVStore store;
    // Not fair: commands never queue behind each other, only behind a compaction step that waits.
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    CommandGate(MVStore store) {
        this.store = store;
    }

    /** Runs one command; any number of commands run at once, but never during a compaction step. */
    <T> T command(Supplier<T> command) {
        lock.readLock().lock();
        try {
            MVStore.TxCounter version = store.registerVersionUsage();
            try {
                return command.get();
            } finally {
                store.deregisterVersionUsage(version);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs the step once no command is running and returns its result. Waits at most {@code
     * waitMillis} for running commands to end (commands that arrive meanwhile wait too, so the wait
     * must stay short); when they did not, returns empty without running the step.
     */
    <T> Optional<T> exclusive(Supplier<T> step, long waitMillis) {
        try {
            if (!lock.writeLock().tryLock(waitMillis, TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            return Optional.of(step.get());
        } finally {
            lock.writeLock().unlock();
        }
    }
}
