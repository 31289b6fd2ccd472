package org.credfolio.shared.store;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store file near the size of its live data while the service runs. H2 writes every
 * change copy-on-write into a new chunk, so each commit leaves the pages it replaced behind in older
 * chunks; with H2's background compaction off (see {@link CommandGate}) nothing rewrote the few live
 * pages of such chunks, and with a commit per write the file reached 2.5 GB after 46,000 issuances.
 *
 * <p>Every few write commands this looks at how much of the chunks' space is live. Below half it
 * runs one bounded step: while no command runs, H2 marks the live pages of the emptiest chunks (a
 * few hundred KB) to be written again, then the step commits them into a new chunk as a write
 * command would. The old chunks are then dead and H2 frees them a few commits later, once no
 * running command reads a version that uses them; new chunks fill the freed space first (H2
 * allocates from the start of the file) and H2 cuts the file when its end is free. With half the
 * chunks' space live, and some free gaps between chunks, the file stays at 2.1 to 2.7 times its
 * live data (StoreGrowthBenchmark, OnlineCompactionTest).
 *
 * <p>Steps run on a thread of their own, so the write that found the chunks sparse is answered
 * without waiting for one.
 */
final class OnlineCompaction {
    private static final Logger log = LoggerFactory.getLogger(OnlineCompaction.class);

    /**
     * When and how much to compact.
     *
     * @param checkEveryWrites looking is cheap (a sum over H2's chunk table), but need not happen on
     *     every write
     * @param startBelowFillRate percent of the chunks' space that is live; below this a step runs.
     *     Higher keeps the file smaller but moves more: 60 kept it at about 2.0 times its live data,
     *     50 at about 2.4 times
     * @param moveBytesPerStep live bytes one step moves at most (up to four times as much when the
     *     live share has sagged well below the start); the pause grows with it (reading the pages),
     *     and the commit writes a chunk of about this size
     * @param waitForCommandsMillis how long a step waits for running commands; commands arriving
     *     meanwhile wait as well
     */
    record Policy(int checkEveryWrites, int startBelowFillRate, int moveBytesPerStep, long waitForCommandsMillis) {}

    /**
     * Pauses of 1.5 to 5 ms on average, the file at 2.1 to 2.4 times its live data through 50,000
     * issuances and 10,000 status changes (StoreGrowthBenchmark). Checking every 8 writes instead
     * let the live share sag to 43% in a burst: steps could not keep up.
     */
    static final Policy DEFAULT = new Policy(4, 50, 256 * 1024, 20);

    private final MVStore store;
    private final Policy policy;
    private final CommandGate gate;
    private final Runnable commit;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "embedded-store-compaction");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong writes = new AtomicLong();
    /** No check before this store version: see {@link #settle()}. */
    private volatile long nextCheckVersion;

    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicLong steps = new AtomicLong();
    private final AtomicLong postponed = new AtomicLong();
    private final AtomicLong pauseNanos = new AtomicLong();
    private final AtomicLong longestPauseNanos = new AtomicLong();

    /**
     * @param commit writes the step's chunk to the file and syncs it, as a write command's changes are
     */
    OnlineCompaction(MVStore store, Policy policy, CommandGate gate, Runnable commit) {
        this.store = store;
        this.policy = policy;
        this.gate = gate;
        this.commit = commit;
    }

    /** Called after each write command, outside the gate. */
    void afterWrite() {
        if (writes.incrementAndGet() % policy.checkEveryWrites() != 0
                || store.getCurrentVersion() < nextCheckVersion
                || !busy.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(this::stepIfSparse);
        } catch (RuntimeException closing) {
            busy.set(false);
        }
    }

    private void stepIfSparse() {
        try {
            int fillRate = chunksFillRate();
            if (fillRate < policy.startBelowFillRate()) {
                step(fillRate);
            }
        } catch (RuntimeException e) {
            // Every write is committed on its own; a failed step only leaves garbage for the next
            // one (or for the compaction at start), and a failing file fails the next write anyway.
            log.warn("Embedded store compaction step failed: {}", e.toString());
        } finally {
            busy.set(false);
        }
    }

    /** Lets a running step finish and runs no more; before the store closes. */
    void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("Embedded store compaction step still running after 30 s; closing the store anyway.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void step(int before) {
        // Steps fall behind when writes come faster than steps (on a busy machine, say): then each
        // moves more, up to four times as much, rather than let the file grow.
        int behind = Math.min(3, (policy.startBelowFillRate() - before) / 4);
        int moveBytes = policy.moveBytesPerStep() * (1 + behind);
        Optional<Rewrite> rewrite = gate.exclusive(() -> rewrite(moveBytes), policy.waitForCommandsMillis());
        if (rewrite.isEmpty()) {
            postponed.incrementAndGet();
            return;
        }
        long committing = System.nanoTime();
        if (rewrite.get().anything()) {
            // Outside the gate: like any write command's commit, this runs alongside commands. The
            // chunks it empties are freed only once no running command's version uses them.
            commit.run();
            settle();
        }
        long pause = rewrite.get().nanos();
        steps.incrementAndGet();
        pauseNanos.addAndGet(pause);
        longestPauseNanos.accumulateAndGet(pause, Math::max);
        if (log.isDebugEnabled()) {
            log.debug(
                    "Embedded store compaction step: chunks {}% -> {}% live, file {} KB, pause {} ms, commit {} ms{}",
                    before,
                    chunksFillRate(),
                    store.getFileStore().size() / 1024,
                    pause / 1_000_000,
                    (System.nanoTime() - committing) / 1_000_000,
                    rewrite.get().anything() ? "" : " (nothing to rewrite yet)");
        }
    }

    /**
     * Until H2 frees the chunks a step emptied (it keeps the last few versions), they still count
     * in the live share, which then looks lower than it is; a check before that would step again
     * for nothing.
     */
    private void settle() {
        nextCheckVersion = store.getCurrentVersion() + store.getVersionsToKeep() + 1;
    }

    /** Runs in the gate: marks the live pages of the emptiest chunks to be written again. */
    private Rewrite rewrite(int moveBytes) {
        long started = System.nanoTime();
        // Reads the pages (from the file unless cached) and changes the maps in memory; the commit
        // writes them.
        boolean anything = store.compact(policy.startBelowFillRate(), moveBytes);
        return new Rewrite(anything, System.nanoTime() - started);
    }

    private record Rewrite(boolean anything, long nanos) {}

    private int chunksFillRate() {
        return store.getFileStore().getChunksFillRate();
    }

    Stats stats() {
        return new Stats(steps.get(), postponed.get(), pauseNanos.get(), longestPauseNanos.get());
    }

    /**
     * @param steps compaction steps run
     * @param postponed checks that found the chunks sparse but commands running all the wait long
     * @param pauseNanos time commands could not run because of steps, summed (not counting the up
     *     to {@code waitForCommandsMillis} a step waits for running commands, in which new ones wait)
     * @param longestPauseNanos the longest single step
     */
    record Stats(long steps, long postponed, long pauseNanos, long longestPauseNanos) {}
}
