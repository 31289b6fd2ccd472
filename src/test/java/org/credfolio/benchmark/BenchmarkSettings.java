package org.credfolio.benchmark;

import java.time.Duration;

/**
 * What one benchmark run does, from system properties so that Maven can pass them through:
 * {@code benchmark.learners}, {@code benchmark.threads}, {@code benchmark.warmupSeconds},
 * {@code benchmark.seconds} and {@code benchmark.store} ({@code h2}, the default and what users
 * run, or {@code memory}). Warm-up and measurement are per path. The warm-up is long because on a
 * small machine (2 cores) the JIT needs minutes to compile the HTTP + GraphQL path under load.
 */
record BenchmarkSettings(
        int learners, int credentialsPerLearner, int threads, Duration warmup, Duration measure, boolean inMemory) {

    /** The HTTP + GraphQL + security path may cost at most this many times the direct read at p50. */
    static final double GOAL_P50_RATIO = 3.0;

    /** Whether {@code benchmark.which} (portfolio, verification or all, the default) selects this one. */
    static boolean selected(String benchmark) {
        String which = System.getProperty("benchmark.which", "all").strip().toLowerCase();
        return which.equals("all") || which.equals(benchmark);
    }

    /** Whether {@code benchmark.which} names this one: for a benchmark too long to run with all. */
    static boolean selectedByName(String benchmark) {
        return System.getProperty("benchmark.which", "all")
                .strip()
                .toLowerCase()
                .equals(benchmark);
    }

    static BenchmarkSettings fromSystemProperties() {
        String store = System.getProperty("benchmark.store", "h2").strip().toLowerCase();
        if (!store.equals("h2") && !store.equals("memory")) {
            throw new IllegalArgumentException("benchmark.store must be h2 or memory, not " + store);
        }
        return new BenchmarkSettings(
                positive("benchmark.learners", 10_000),
                5,
                positive("benchmark.threads", 8),
                Duration.ofSeconds(positive("benchmark.warmupSeconds", 90)),
                Duration.ofSeconds(positive("benchmark.seconds", 20)),
                store.equals("memory"));
    }

    /** A positive whole number from a system property, or the fallback when it is not set. */
    static int positive(String name, int fallback) {
        String value = System.getProperty(name);
        int parsed = value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
        if (parsed <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + parsed);
        }
        return parsed;
    }
}
