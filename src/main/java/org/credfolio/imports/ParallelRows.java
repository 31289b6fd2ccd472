package org.credfolio.imports;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Applies a job's rows on a few threads, as the job's uploader, with a bounded number of rows in
 * flight so that memory stays flat however long the file. Each row is one or a few atomic writes
 * that wait mostly on the store, so overlapping them is what makes an import keep up with raw
 * signing; rows that touch the same record are kept apart by the same guards that keep concurrent
 * API calls apart (a duplicate is still refused once). The first unexpected failure of a row stops
 * the job.
 */
public final class ParallelRows implements AutoCloseable {
    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final int capacity;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    /** Runs rows as the caller (the job's uploader), on {@code workers} threads. */
    public ParallelRows(int workers, String name) {
        this.capacity = workers * 8;
        this.inFlight = new Semaphore(capacity);
        ExecutorService threads = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        this.pool = new DelegatingSecurityContextExecutorService(threads, SecurityContextHolder.getContext());
    }

    /** Queues one row, waiting while the most rows are in flight. */
    public void submit(Runnable row) {
        rethrow();
        inFlight.acquireUninterruptibly();
        try {
            pool.execute(() -> {
                try {
                    row.run();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    inFlight.release();
                }
            });
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    /** Waits for every queued row; rethrows the first unexpected failure. */
    @Override
    public void close() {
        inFlight.acquireUninterruptibly(capacity);
        inFlight.release(capacity);
        pool.shutdown();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rethrow();
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }
}
