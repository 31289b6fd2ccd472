package org.credfolio.benchmark;

import java.nio.file.Path;
import java.util.Locale;

/** Prints the benchmark's progress and its final table. */
final class BenchmarkReport {
    private BenchmarkReport() {}

    /** One line per warm-up or measurement slice, so that a user can see whether the JIT settled. */
    static void progress(String phase, LoadDriver.Result result) {
        System.out.printf(
                Locale.ROOT,
                "  %-15s %7d reads %9.1f/s  p50 %8.3f ms  p99 %8.3f ms%n",
                phase,
                result.requests(),
                result.throughputPerSecond(),
                result.percentileMillis(0.50),
                result.percentileMillis(0.99));
    }

    static void print(
            BenchmarkSettings settings, Path dataDirectory, LoadDriver.Result http, LoadDriver.Result direct) {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%-8s %10s %14s %9s %9s %9s%n",
                "path",
                "requests",
                "throughput/s",
                "p50 ms",
                "p99 ms",
                "mean ms");
        row("http", http);
        row("direct", direct);
        double p50 = http.percentileMillis(0.50) / direct.percentileMillis(0.50);
        double p99 = http.percentileMillis(0.99) / direct.percentileMillis(0.99);
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "ratio http/direct: p50 %.2fx, p99 %.2fx (throughput direct/http %.2fx)%n",
                p50,
                p99,
                direct.throughputPerSecond() / http.throughputPerSecond());
        System.out.printf(
                Locale.ROOT,
                "goal (p50 ratio <= %.1f): %s%n",
                BenchmarkSettings.GOAL_P50_RATIO,
                p50 <= BenchmarkSettings.GOAL_P50_RATIO ? "MET" : "NOT MET");
        System.out.println();
        System.out.printf(
                "java.version:         %s (%s)%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"));
        System.out.printf("available processors: %d%n", Runtime.getRuntime().availableProcessors());
        System.out.printf("max heap:             %d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(
                "store:                embedded mongo-java-server, %s%n",
                settings.inMemory() ? "in-memory backend" : "H2 file backend in " + dataDirectory);
        System.out.printf(
                "load:                 %,d learners x %d credentials, concurrency %d, warm-up %d s and"
                        + " measured %d s per path; client and server share this JVM%n",
                settings.learners(),
                settings.credentialsPerLearner(),
                settings.threads(),
                settings.warmup().toSeconds(),
                settings.measure().toSeconds());
    }

    private static void row(String path, LoadDriver.Result result) {
        System.out.printf(
                Locale.ROOT,
                "%-8s %10d %14.1f %9.3f %9.3f %9.3f%n",
                path,
                result.requests(),
                result.throughputPerSecond(),
                result.percentileMillis(0.50),
                result.percentileMillis(0.99),
                result.meanMillis());
    }
}
