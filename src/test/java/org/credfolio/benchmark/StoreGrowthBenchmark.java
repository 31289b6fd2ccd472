package org.credfolio.benchmark;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.credfolio.shared.store.FileStoreServer;
import org.credfolio.shared.store.IssuanceWorkload;
import org.slf4j.LoggerFactory;

/**
 * Issue 17, item 4: how big the embedded store's file grows under issuances and status changes, and
 * how long a restart takes after them. Runs the store as the service opens it (H2 file, durable
 * writes, online compaction) behind mongo-java-server and writes to it through the MongoDB driver
 * ({@link IssuanceWorkload}: four write commands per issuance, three per status change, each
 * committed and fsynced), status changes spread evenly among the issuances. Every 5,000 operations
 * it prints the file size against the live data (H2's own account), writes per second and the
 * compaction steps; at the end the exact live data (a compacted copy of the closed file) and the
 * time to open the store again. Runs only when named (about 4 minutes with the defaults):
 *
 * <pre>
 * ./mvnw -Pbenchmark verify -Dbenchmark.which=growth [-Dgrowth.issuances=50000]
 * </pre>
 *
 * <p>Options (system properties):
 * {@code growth.issuances} (50000), {@code growth.statusChanges} (10000), {@code growth.learners}
 * (10000, so a learner's document ends with about five awards), {@code growth.durableWrites}
 * (true), {@code growth.reportEvery} (5000), {@code growth.dir} (a new temporary directory,
 * deleted at the end; a given one is kept) and {@code growth.debug} (false; true logs every
 * compaction step).
 */
public final class StoreGrowthBenchmark {
    private static final double MB = 1024.0 * 1024.0;

    private StoreGrowthBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (!BenchmarkSettings.selectedByName("growth")) {
            return;
        }
        int issuances = Integer.getInteger("growth.issuances", 50_000);
        int statusChanges = Integer.getInteger("growth.statusChanges", 10_000);
        int learners = Integer.getInteger("growth.learners", 10_000);
        int reportEvery = Integer.getInteger("growth.reportEvery", 5_000);
        boolean durable = Boolean.parseBoolean(System.getProperty("growth.durableWrites", "true"));
        quietLogs(Boolean.getBoolean("growth.debug"));
        String given = System.getProperty("growth.dir");
        Path dir = given == null ? Files.createTempDirectory("store-growth") : Path.of(given);
        System.out.printf(
                "StoreGrowthBenchmark: %,d issuances, %,d status changes, %,d learners, durable writes %s,"
                        + " %d cores, in %s%n",
                issuances,
                statusChanges,
                learners,
                durable,
                Runtime.getRuntime().availableProcessors(),
                dir);
        System.out.printf(
                "%8s %8s %8s %9s %9s %6s %6s %9s %7s %6s %10s%n",
                "ops",
                "issued",
                "changes",
                "file MB",
                "live MB",
                "file/x",
                "fill%",
                "writes/s",
                "steps",
                "late",
                "max pause");
        IssuanceWorkload workload = new IssuanceWorkload(learners, 17);
        int total = issuances + statusChanges;
        long started = System.nanoTime();
        long compactionMillis;
        double longestPause;
        long steps;
        try (FileStoreServer store = FileStoreServer.open(dir, durable);
                MongoClient client = MongoClients.create(store.uri())) {
            workload.connect(client.getDatabase("credfolio"));
            long intervalStart = System.nanoTime();
            long intervalCommands = 0;
            for (int op = 1; op <= total; op++) {
                long changesDue = (long) op * statusChanges / total;
                if (workload.statusChanges() < changesDue && workload.issuances() > workload.statusChanges()
                        || workload.issuances() == issuances) {
                    workload.changeStatus();
                    intervalCommands += 3;
                } else {
                    workload.issue();
                    intervalCommands += 4;
                }
                if (op % reportEvery == 0 || op == total) {
                    long now = System.nanoTime();
                    long file = store.fileBytes();
                    long live = store.liveBytes();
                    System.out.printf(
                            "%,8d %,8d %,8d %9.1f %9.1f %6.2f %6d %9.0f %,7d %,6d %7.1f ms%n",
                            op,
                            workload.issuances(),
                            workload.statusChanges(),
                            file / MB,
                            live / MB,
                            (double) file / Math.max(1, live),
                            store.chunksFillRate(),
                            intervalCommands / ((now - intervalStart) / 1e9),
                            store.compactionSteps(),
                            store.postponedCompactionSteps(),
                            store.longestCompactionPauseMillis());
                    intervalStart = now;
                    intervalCommands = 0;
                }
            }
            compactionMillis = (long) store.compactionPauseMillis();
            longestPause = store.longestCompactionPauseMillis();
            steps = store.compactionSteps();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long commands = 4L * workload.issuances() + 3L * workload.statusChanges();
        Path file = dir.resolve("credfolio.mv");
        long closed = Files.size(file);
        long compacted = FileStoreServer.compactedCopyBytes(file);
        System.out.printf(
                "Wrote %,d commands in %.0f s: %.0f writes/s (%.0f operations/s). Compaction: %,d steps,"
                        + " pauses %,d ms in all (%.1f%% of the time), %.1f ms on average, %.1f ms at most.%n",
                commands,
                seconds,
                commands / seconds,
                total / seconds,
                steps,
                compactionMillis,
                compactionMillis / 10.0 / seconds,
                (double) compactionMillis / Math.max(1, steps),
                longestPause);
        System.out.printf(
                "Closed file %.1f MB; its live data (a compacted copy) %.1f MB: the file is %.2fx its live data.%n",
                closed / MB, compacted / MB, (double) closed / compacted);

        long reopening = System.nanoTime();
        try (FileStoreServer store = FileStoreServer.open(dir, durable);
                MongoClient client = MongoClients.create(store.uri())) {
            long count = client.getDatabase("credfolio")
                    .getCollection("status_lists")
                    .countDocuments();
            double reopenMillis = (System.nanoTime() - reopening) / 1e6;
            long verifying = System.nanoTime();
            workload.connect(client.getDatabase("credfolio")).verify();
            System.out.printf(
                    "Restart: the store opened and answered in %.0f ms (%d status list); all %,d issuances and"
                            + " %,d status changes read back intact in %.1f s.%n",
                    reopenMillis,
                    count,
                    workload.issuances(),
                    workload.statusChanges(),
                    (System.nanoTime() - verifying) / 1e9);
        }
        if (given == null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(StoreGrowthBenchmark::delete);
            }
        }
    }

    /** Without a logging configuration logback prints everything, the driver's debug lines too. */
    private static void quietLogs(boolean compactionSteps) {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        if (compactionSteps) {
            ((Logger) LoggerFactory.getLogger("org.credfolio.shared.store")).setLevel(Level.DEBUG);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            System.err.println("Could not delete " + path + ": " + e);
        }
    }
}
