package org.credfolio.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.credfolio.shared.store.ForkedApp;

/**
 * Soak benchmark: mixed traffic (portfolio reads, verifications, issuance, shares) at a fixed rate
 * for 10 minutes against the application in a JVM of its own, on the embedded H2 store with durable
 * writes and the demo data. Goals: no errors, a p99 that does not climb, and a heap after GC that
 * stays flat. Runs only when asked for by name: {@code ./mvnw -Pbenchmark verify
 * -Dbenchmark.which=soak [-Dsoak.seconds=600] [-Dsoak.rate=40]} (see {@link SoakSettings}).
 *
 * <p>The load is open: operation {@code n} is due at {@code n / rate} seconds, whether or not the
 * earlier ones have answered, and its latency counts from that moment. A server that stalls thus
 * shows its stall in every operation that waited for it (a closed loop would send less and hide it,
 * "coordinated omission"). Operations run on a fixed pool of client threads; one that starts late
 * because all are busy still counts from its due moment, and is counted as a late start.
 */
public final class SoakBenchmark {
    /** A start this far behind its due moment means the client, not only the server, fell behind. */
    static final Duration LATE = Duration.ofMillis(50);

    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** Login tokens last an hour; a run longer than that logs in again now and then. */
    private static final Duration RELOGIN = Duration.ofMinutes(30);

    private final SoakSettings settings;
    private final Path work;
    private final Path data;
    private ForkedApp app;
    private SoakTraffic traffic;
    private SoakRecorder recorder;
    private SoakReport report;
    private long start;

    private SoakBenchmark(SoakSettings settings, Path work) {
        this.settings = settings;
        this.work = work;
        this.data = work.resolve("data");
    }

    public static void main(String[] args) throws Exception {
        // Ten minutes is too long to come with "all": soak runs only when named.
        if (!BenchmarkSettings.selectedByName("soak")) {
            return;
        }
        SoakSettings settings = SoakSettings.fromSystemProperties();
        Path work = Files.createTempDirectory("credfolio-soak-");
        boolean passed = false;
        try {
            passed = new SoakBenchmark(settings, work).run();
        } catch (Exception e) {
            System.err.println("Soak benchmark aborted: " + e);
            e.printStackTrace();
        }
        // -Dsoak.keep=true keeps a run that passed too, for a closer look at what grew.
        if (passed && !Boolean.getBoolean("soak.keep")) {
            deleteRecursively(work);
        } else {
            System.out.println("Kept for inspection (server log app.log, GC log gc.log, heap histograms, store"
                    + " data/): " + work);
        }
        System.exit(passed ? 0 : 1);
    }

    private boolean run() throws Exception {
        Files.createDirectories(data);
        Path gcLog = work.resolve("gc.log");
        // Server-like: a heap of 1 GiB, full tiered JIT (ForkedApp's default is C1 only, for crash
        // tests), and the GC log from which the heap after each collection is read.
        List<String> jvm = List.of("-Xmx1g", "-XX:+UseG1GC", "-Xlog:gc:file=" + gcLog);
        System.out.println("Soak benchmark: starting the application (separate JVM " + String.join(" ", jvm)
                + ") on a fresh embedded H2 store in " + data);
        try (ForkedApp started = ForkedApp.start(data, work.resolve("app.log"), jvm)) {
            app = started;
            traffic = new SoakTraffic(app.baseUri());
            traffic.prepare(app);
            int minutes = (int) ((settings.duration().toSeconds() + 59) / 60);
            recorder = new SoakRecorder(minutes);
            GcLog gc = new GcLog(gcLog);
            report = new SoakReport(
                    settings, recorder, data, work.resolve("app.log"), gc, new ServerHeap(app.pid(), gc, work));
            report.header(traffic);
            drive(minutes);
            return report.summary();
        }
    }

    /** Starts every operation at its due moment, while another thread prints each minute's row. */
    private void drive(int minutes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        start = System.nanoTime();
        Thread reporter = new Thread(() -> reportMinutes(minutes), "soak-reporter");
        reporter.start();
        long operations = (long) (settings.duration().toSeconds() * settings.rate());
        for (long n = 0; n < operations; n++) {
            long due = start + (long) (n * 1e9 / settings.rate());
            sleepUntil(due);
            int minute = (int) ((due - start) / MINUTE.toNanos());
            SoakOperation operation = settings.operation(n);
            recorder.minute(minute).outstanding.incrementAndGet();
            pool.execute(() -> perform(operation, minute, due));
        }
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
        reporter.join();
    }

    private void perform(SoakOperation operation, int minute, long due) {
        SoakRecorder.Minute row = recorder.minute(minute);
        try {
            if (System.nanoTime() - due > LATE.toNanos()) {
                row.lateStarts.incrementAndGet();
            }
            switch (operation) {
                case PORTFOLIO ->
                    timed(minute, SoakRequest.PORTFOLIO, due, () -> {
                        traffic.portfolio();
                        return true;
                    });
                case VERIFY ->
                    timed(minute, SoakRequest.VERIFY, due, () -> {
                        traffic.verify();
                        return true;
                    });
                case ISSUE ->
                    timed(minute, SoakRequest.ISSUE, due, () -> {
                        traffic.issue();
                        return true;
                    });
                case SHARE -> share(minute, due);
            }
        } finally {
            row.outstanding.decrementAndGet();
        }
    }

    /**
     * Create, open, revoke: the create counts from the due moment, the two that follow it from
     * their own start (they are not scheduled, they come when the create answers). The revoke runs
     * even when the page failed, so that active shares do not pile up towards the limit of 100.
     */
    private void share(int minute, long due) {
        SoakTraffic.CreatedShare share = timed(minute, SoakRequest.SHARE_CREATE, due, traffic::createShare);
        if (share == null) {
            return;
        }
        timed(minute, SoakRequest.SHARE_PAGE, System.nanoTime(), () -> {
            traffic.openShare(share);
            return true;
        });
        timed(minute, SoakRequest.SHARE_REVOKE, System.nanoTime(), () -> {
            traffic.revokeShare(share);
            return true;
        });
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    /** Runs one request and records its latency from {@code from}, or its failure; null if it failed. */
    private <T> T timed(int minute, SoakRequest request, long from, Call<T> call) {
        try {
            T result = call.run();
            recorder.minute(minute).stats(request).add(System.nanoTime() - from);
            return result;
        } catch (SoakTraffic.Failure e) {
            recorder.failed(minute, request, e.getMessage());
        } catch (Exception e) {
            recorder.failed(minute, request, e.toString());
        }
        return null;
    }

    /** Samples the server at each minute's end, then prints the minute once its operations are done. */
    private void reportMinutes(int minutes) {
        long lastLogin = System.nanoTime();
        try {
            for (int m = 0; m < minutes; m++) {
                long end =
                        Math.min((m + 1) * MINUTE.toNanos(), settings.duration().toNanos());
                sleepUntil(start + end);
                SoakReport.ServerSample sample = report.sample(traffic);
                SoakRecorder.Minute row = recorder.minute(m);
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (row.outstanding.get() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                report.minute(m, end, sample);
                if (System.nanoTime() - lastLogin > RELOGIN.toNanos()) {
                    traffic.login(app);
                    lastLogin = System.nanoTime();
                }
            }
        } catch (Exception e) {
            System.err.println("Soak reporter failed: " + e);
            e.printStackTrace();
        }
    }

    private static void sleepUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
