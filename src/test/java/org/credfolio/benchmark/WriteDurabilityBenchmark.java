package org.credfolio.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.credfolio.shared.store.ForkedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What durable writes cost (issue 16): {@code recordEarnedCredential} over HTTP per second on the
 * embedded H2 store, with H2's background commit ({@code credfolio.store.durable-writes=false}, the
 * old behaviour) and with a commit and fsync per write command (the default), from one client and
 * from four. Not part of the test run (the class name matches no surefire pattern); run it with
 *
 * <pre>./mvnw -o verify -Dtest=WriteDurabilityBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Djacoco.skip=true [-Dbenchmark.writes=500]</pre>
 *
 * <p>Each setting gets its own application (in a JVM of its own, C2 on) on a fresh data directory with
 * the demo data, and 100 warm-up writes first.
 */
class WriteDurabilityBenchmark {
    private static final String RECORD =
            "mutation($i: RecordCredentialInput!) { recordEarnedCredential(input: $i) { id } }";

    @TempDir
    Path work;

    @Test
    void recordEarnedCredentialPerSecond() throws Exception {
        int writes = Integer.getInteger("benchmark.writes", 500);
        List<String> lines = new ArrayList<>();
        for (boolean durable : new boolean[] {false, true}) {
            Path data = Files.createDirectories(work.resolve("data-" + durable));
            try (ForkedApp app = ForkedApp.start(
                    data,
                    work.resolve("app-" + durable + ".log"),
                    List.of("-Xmx768m"),
                    "--credfolio.store.durable-writes=" + durable)) {
                String token = app.login("registrar@demo.credfolio.org");
                AtomicInteger next = new AtomicInteger();
                run(app, token, next, 100, 1);
                double one = run(app, token, next, writes, 1);
                double four = run(app, token, next, writes, 4);
                lines.add("durable-writes=%-5s  1 client: %6.1f writes/s   4 clients: %6.1f writes/s   file %,d KB"
                        .formatted(durable, one, four, Files.size(data.resolve("credfolio.mv")) / 1024));
                System.out.println("WriteDurabilityBenchmark: " + lines.get(lines.size() - 1));
            }
        }
        System.out.println("WriteDurabilityBenchmark (" + writes + " recordEarnedCredential over HTTP per figure, "
                + Runtime.getRuntime().availableProcessors() + " cores):");
        lines.forEach(System.out::println);
    }

    /** Records {@code count} credentials from {@code clients} threads; returns writes per second. */
    private static double run(ForkedApp app, String token, AtomicInteger next, int count, int clients)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            int end = next.get() + count;
            long started = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < end) {
                        app.graphql(token, RECORD, Map.of("i", input(i)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            next.set(end);
            return count / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A different learner or date each time: the same credential and date twice is refused. */
    private static Map<String, Object> input(int i) {
        return Map.of(
                "learnerId",
                "demo-learner-%03d".formatted(1 + i % 300),
                "credentialId",
                "tx-ibc-351",
                "earnedOn",
                LocalDate.now().minusDays(10 + i / 300).toString(),
                "result",
                "Pass");
    }
}
