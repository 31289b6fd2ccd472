package org.credfolio.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one HTTP benchmark run does, from system properties of its own (the Maven profile passes
 * them through): {@code http.seconds} per row and round (10), {@code http.rounds} (3; each row's
 * figure is the median), {@code http.warmupSeconds} per service row before the rounds (30: on 2
 * cores the server's JIT needs some three minutes of load before its rates settle; the Node peer's
 * rows warm for a third of it, V8 settles within seconds), and wrk's {@code
 * http.connections} (16) and {@code http.threads} (2). {@code http.keep=true} keeps the server's
 * logs and the store of a run that passed. {@code http.rows} (a comma-separated list of row keys,
 * for example {@code verify-new,node-jose-new}) runs only those rows, for a quicker look at one
 * path; the keys are printed with each row's progress. {@code http.store=mongodb} runs the server
 * on a MongoDB in a container (Testcontainers, so Docker is needed) instead of the embedded store.
 */
record HttpSettings(
        Duration row, int rounds, Duration warmup, int connections, int threads, Set<String> only, boolean mongoDb) {

    static HttpSettings fromSystemProperties() {
        HttpSettings settings = new HttpSettings(
                Duration.ofSeconds(BenchmarkSettings.positive("http.seconds", 10)),
                BenchmarkSettings.positive("http.rounds", 3),
                Duration.ofSeconds(BenchmarkSettings.positive("http.warmupSeconds", 30)),
                BenchmarkSettings.positive("http.connections", 16),
                BenchmarkSettings.positive("http.threads", 2),
                rowKeys(System.getProperty("http.rows", "")),
                mongoDb(System.getProperty("http.store", "embedded")));
        if (settings.connections() < settings.threads()) {
            throw new IllegalArgumentException("http.connections must be at least http.threads");
        }
        return settings;
    }

    private static boolean mongoDb(String store) {
        return switch (store.strip().toLowerCase(Locale.ROOT)) {
            case "", "embedded" -> false;
            case "mongodb" -> true;
            default -> throw new IllegalArgumentException("http.store must be embedded or mongodb, not " + store);
        };
    }

    private static Set<String> rowKeys(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(key -> !key.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The Node peer's warm-up: a third of the service's, at least a second. */
    Duration peerWarmup() {
        return Duration.ofSeconds(Math.max(1, warmup.toSeconds() / 3));
    }
}
