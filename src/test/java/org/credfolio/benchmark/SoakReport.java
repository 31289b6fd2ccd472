package org.credfolio.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the soak run: a row per minute (requests, errors and latency by request; the server's CPU,
 * heap after GC and store file, the machine's load) and a summary with the verdicts.
 *
 * <p>The heap verdict compares the server's heap after a full collection just before the load with
 * one just after it, and names the classes whose live objects grew most (see {@link ServerHeap});
 * both collections fall outside the measured minutes, so their pauses do not count. The minute rows
 * show the lowest heap after a pause in each minute, from the GC log: with 1 GiB and some 100 MB in
 * use, G1 may go the whole run without a mixed collection, so that figure also holds old-generation
 * garbage not yet collected, and creeps up without any leak.
 */
final class SoakReport {
    /** The heap after a full GC may grow this much over the run and still count as flat. */
    static final double FLAT_HEAP_GROWTH = 0.10;

    private static final String ROW = "  %-13s %7s %7s %9s %9s %9s%n";
    private static final String TOTAL_ROW = "  %-13s %7s %7s %9s %9s %9s %13s %13s%n";

    private final SoakSettings settings;
    private final SoakRecorder recorder;
    private final Path data;
    private final Path appLog;
    private final GcLog gcLog;
    private final ServerHeap heap;
    private final List<ServerSample> samples = new ArrayList<>();
    /** The server and machine when the load starts. */
    private ServerSample baseline;
    /** The server's live heap before the load. */
    private ServerHeap.Live liveBefore;

    private long previousEnd;

    /** The server and machine at the end of one minute. */
    record ServerSample(GcLog.Stretch gc, double serverCpuNanos, long clientCpuNanos, long storeBytes, String load) {}

    SoakReport(SoakSettings settings, SoakRecorder recorder, Path data, Path appLog, GcLog gcLog, ServerHeap heap) {
        this.settings = settings;
        this.recorder = recorder;
        this.data = data;
        this.appLog = appLog;
        this.gcLog = gcLog;
        this.heap = heap;
    }

    void header(SoakTraffic traffic) throws IOException, InterruptedException {
        liveBefore = heap.live();
        // Start-up collections are not the soak's: the first minute's row begins after them.
        baseline = sample(traffic);
        System.out.printf(
                Locale.ROOT,
                "Soak: %d s at %.1f operations/s (%s), %d client threads; %d cores, load average %s%n",
                settings.duration().toSeconds(),
                settings.rate(),
                settings.describe(),
                settings.threads(),
                Runtime.getRuntime().availableProcessors(),
                baseline.load());
        System.out.println("Latency counts from each operation's due moment (share page and revoke: from their"
                + " own start); heap is the server's after GC, from its GC log.");
        System.out.printf(Locale.ROOT, ROW, "request", "count", "errors", "p50 ms", "p99 ms", "max ms");
    }

    ServerSample sample(SoakTraffic traffic) throws IOException, InterruptedException {
        return new ServerSample(
                gcLog.next(), traffic.metric("process.cpu.time"), clientCpuNanos(), storeBytes(), loadAverage());
    }

    void minute(int index, long endNanos, ServerSample sample) {
        ServerSample previous = samples.isEmpty() ? baseline : samples.get(samples.size() - 1);
        samples.add(sample);
        SoakRecorder.Minute minute = recorder.minute(index);
        SoakRecorder.Stats all = minute.all();
        GcLog.Stretch gc = sample.gc();
        double wall = endNanos - previousEnd;
        previousEnd = endNanos;
        System.out.printf(
                Locale.ROOT,
                "minute %d (to %d s): %d requests, %d errors, %d late starts | CPU server %.0f%%, client %.0f%%"
                        + " of a core | heap after GC %s-%s MB (%d pauses, %d mixed/full, %.0f ms, max %.0f ms)"
                        + " | store %.1f MB | load %s%n",
                index + 1,
                endNanos / 1_000_000_000L,
                all.requests(),
                all.errors(),
                minute.lateStarts.get(),
                (sample.serverCpuNanos() - previous.serverCpuNanos()) / wall * 100,
                (sample.clientCpuNanos() - previous.clientCpuNanos()) / wall * 100,
                mb(gc.minAfter()),
                mb(gc.lastAfter()),
                gc.pauses(),
                gc.oldPauses(),
                gc.pauseMillis(),
                gc.maxPauseMillis(),
                sample.storeBytes() / 1048576.0,
                sample.load());
        for (SoakRequest request : SoakRequest.values()) {
            row(request.label(), minute.stats(request));
        }
    }

    /** Prints the summary; true when the run met the error goal. */
    boolean summary() throws IOException, InterruptedException {
        long requests = 0;
        long errors = 0;
        long late = 0;
        for (int m = 0; m < samples.size(); m++) {
            SoakRecorder.Stats all = recorder.minute(m).all();
            requests += all.requests();
            errors += all.errors();
            late += recorder.minute(m).lateStarts.get();
        }
        System.out.println();
        System.out.println("Soak summary");
        System.out.printf(
                Locale.ROOT,
                "  %d s at %.1f operations/s (%s): %d requests, %d errors (goal 0: %s), %d late starts (> %d ms)%n",
                settings.duration().toSeconds(),
                settings.rate(),
                settings.describe(),
                requests,
                errors,
                errors == 0 ? "MET" : "NOT MET",
                late,
                SoakBenchmark.LATE.toMillis());
        System.out.printf(
                Locale.ROOT,
                TOTAL_ROW,
                "request",
                "count",
                "errors",
                "p50 ms",
                "p99 ms",
                "max ms",
                "p99 1st min",
                "p99 last min");
        SoakRecorder.Minute first = recorder.minute(0);
        SoakRecorder.Minute last = recorder.minute(samples.size() - 1);
        for (SoakRequest request : SoakRequest.values()) {
            SoakRecorder.Stats total = recorder.total(request);
            System.out.printf(
                    Locale.ROOT,
                    TOTAL_ROW,
                    request.label(),
                    total.requests(),
                    total.errors(),
                    millis(total.percentileMillis(0.50)),
                    millis(total.percentileMillis(0.99)),
                    millis(total.percentileMillis(1.0)),
                    millis(first.stats(request).percentileMillis(0.99)),
                    millis(last.stats(request).percentileMillis(0.99)));
        }
        overTime();
        heapTrend();
        ServerSample end = samples.get(samples.size() - 1);
        System.out.printf(
                Locale.ROOT,
                "  store file: %.1f MB -> %.1f MB (+%.1f MB, %.0f KB per write: issue, share create, share revoke)%n",
                baseline.storeBytes() / 1048576.0,
                end.storeBytes() / 1048576.0,
                (end.storeBytes() - baseline.storeBytes()) / 1048576.0,
                (end.storeBytes() - baseline.storeBytes()) / 1024.0 / writes());
        System.out.printf(
                Locale.ROOT,
                "  CPU per request: server %.1f ms, client %.1f ms%n",
                (end.serverCpuNanos() - baseline.serverCpuNanos()) / 1e6 / requests,
                (end.clientCpuNanos() - baseline.clientCpuNanos()) / 1e6 / requests);
        System.out.printf("  load average: %s at the start, %s at the end%n", baseline.load(), end.load());
        System.out.printf(
                "  client: %s (%s); server: separate JVM on the same machine%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"));
        serverErrors();
        if (!recorder.firstErrors().isEmpty()) {
            System.out.println("  first errors:");
            recorder.firstErrors().forEach(error -> System.out.println("    " + error));
        }
        return errors == 0;
    }

    /**
     * The verdict, from full collections before and after the load (see the class comment), and the
     * classes whose live objects grew most.
     */
    private void heapTrend() throws IOException, InterruptedException {
        ServerHeap.Live liveAfter = heap.live();
        long before = liveBefore.heapAfterGc();
        long after = liveAfter.heapAfterGc();
        if (before > 0 && after > 0) {
            double growth = (double) after / before - 1;
            System.out.printf(
                    Locale.ROOT,
                    "  heap after a full GC: %s MB before the load, %s MB after it: %+.0f%% -> %s"
                            + " (goal: flat, at most +%.0f%%)%n",
                    mb(before),
                    mb(after),
                    growth * 100,
                    growth <= FLAT_HEAP_GROWTH ? "flat" : "GROWING",
                    FLAT_HEAP_GROWTH * 100);
            System.out.println(
                    "  live objects that grew most: " + String.join(", ", liveAfter.grewMost(liveBefore, 6)));
        } else {
            System.out.println("  heap after a full GC: not measured (jcmd did not run a full collection)");
        }
        int oldPauses =
                samples.stream().mapToInt(sample -> sample.gc().oldPauses()).sum();
        System.out.printf(
                "  mixed or full collections during the load: %d (with few, the lowest heap after a pause"
                        + " by minute holds old garbage too)%n",
                oldPauses);
    }

    /** One line per measure, minute by minute, to see at a glance whether it climbs. */
    private void overTime() {
        StringBuilder p99 = new StringBuilder();
        StringBuilder heap = new StringBuilder();
        StringBuilder store = new StringBuilder();
        for (int m = 0; m < samples.size(); m++) {
            String separator = m == 0 ? "" : " ";
            p99.append(separator).append(millis(recorder.minute(m).all().percentileMillis(0.99)));
            heap.append(separator).append(mb(samples.get(m).gc().minAfter()));
            store.append(separator).append(mb(samples.get(m).storeBytes()));
        }
        System.out.println("  by minute, p99 of all requests (ms): " + p99);
        System.out.println("  by minute, lowest heap after a pause (MB): " + heap);
        System.out.println("  by minute, store file (MB): " + store);
    }

    /** Server-side errors the clients may not see (a failed audit write, an exception in a filter). */
    private void serverErrors() throws IOException {
        List<String> lines = Files.readAllLines(appLog).stream()
                .filter(line -> line.contains(" ERROR "))
                .toList();
        System.out.printf("  server log: %d ERROR lines%n", lines.size());
        lines.stream().limit(3).forEach(line -> System.out.println("    " + line));
    }

    private static void row(String label, SoakRecorder.Stats stats) {
        System.out.printf(
                Locale.ROOT,
                ROW,
                label,
                stats.requests(),
                stats.errors(),
                millis(stats.percentileMillis(0.50)),
                millis(stats.percentileMillis(0.99)),
                millis(stats.percentileMillis(1.0)));
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String mb(double bytes) {
        return bytes < 0 || Double.isNaN(bytes) ? "-" : String.format(Locale.ROOT, "%.0f", bytes / 1048576.0);
    }

    private long writes() {
        return recorder.total(SoakRequest.ISSUE).requests()
                + recorder.total(SoakRequest.SHARE_CREATE).requests()
                + recorder.total(SoakRequest.SHARE_REVOKE).requests();
    }

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private long storeBytes() throws IOException {
        Path file = data.resolve("credfolio.mv");
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /** The 1, 5 and 15 minute load averages of the machine, which client and server share. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "n/a";
        }
    }
}
