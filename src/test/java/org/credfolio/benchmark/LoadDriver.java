package org.credfolio.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a closed loop: a fixed number of threads, each reading the portfolio of a randomly picked
 * learner as soon as its previous read returned, for a fixed time. Every read's latency is kept (in
 * nanoseconds) so that percentiles are exact.
 */
final class LoadDriver {
    private final int threads;
    private final List<String> learnerIds;

    LoadDriver(int threads, List<String> learnerIds) {
        this.threads = threads;
        this.learnerIds = learnerIds;
    }

    /** Latencies of one or more runs of one path; failures stop the benchmark. */
    record Result(long[] latencies, long elapsedNanos, long failures, String firstFailure) {
        Result merge(Result other) {
            long[] both = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
            System.arraycopy(other.latencies, 0, both, latencies.length, other.latencies.length);
            return new Result(
                    both,
                    elapsedNanos + other.elapsedNanos,
                    failures + other.failures,
                    firstFailure != null ? firstFailure : other.firstFailure);
        }

        long requests() {
            return latencies.length;
        }

        double throughputPerSecond() {
            return latencies.length / (elapsedNanos / 1e9);
        }

        /** Nearest-rank percentile, in milliseconds. */
        double percentileMillis(double fraction) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(fraction * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }

        double meanMillis() {
            return Arrays.stream(latencies).average().orElse(Double.NaN) / 1e6;
        }
    }

    Result run(PortfolioRead read, Duration duration) throws InterruptedException {
        long[][] perThread = new long[threads][];
        int[] counts = new int[threads];
        long[] failures = new long[threads];
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        for (int t = 0; t < threads; t++) {
            int me = t;
            Thread worker = new Thread(
                    () -> {
                        long[] latencies = new long[1 << 14];
                        int count = 0;
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        while (System.nanoTime() < deadline) {
                            String id = learnerIds.get(random.nextInt(learnerIds.size()));
                            long begin = System.nanoTime();
                            try {
                                read.read(id);
                            } catch (Exception | AssertionError e) {
                                failures[me]++;
                                firstFailure.compareAndSet(null, e.toString());
                                continue;
                            }
                            long latency = System.nanoTime() - begin;
                            if (count == latencies.length) {
                                latencies = Arrays.copyOf(latencies, count * 2);
                            }
                            latencies[count++] = latency;
                        }
                        perThread[me] = latencies;
                        counts[me] = count;
                    },
                    "bench-worker-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long elapsed = System.nanoTime() - started;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(perThread[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        return new Result(all, elapsed, Arrays.stream(failures).sum(), firstFailure.get());
    }
}
