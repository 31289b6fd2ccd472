package org.credfolio.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.credfolio.shared.store.ForkedApp;

/**
 * HTTP benchmark: every public path users wait on, measured by wrk in a process of its own against
 * the application in a JVM of its own (durable H2 file store, or MongoDB with {@code http.store=mongodb};
 * demo data, full JIT), all in one run:
 * the floor ({@code POST /challenges}), {@code POST /credentials/verify} on 1,000 issued tokens
 * cycling, on tokens never seen before and on the 1,000 in their Data Integrity form, the learner's
 * portfolio, a share page and {@code
 * recordEarnedCredential}; beside them, when Node is present, the Node peer ({@link NodePeer}) on
 * the same tokens and keys. Each round runs every row once, in turn (reversed every other round, so
 * that drift reaches all alike); a row's figure is its median over the rounds. Run with {@code
 * ./mvnw -Pbenchmark verify -Dbenchmark.which=http} (see {@link HttpSettings}).
 */
public final class HttpBenchmark {
    /** The server JVM: as the soak benchmark's, a server-like heap with G1 and full tiered JIT. */
    private static final List<String> SERVER_JVM = List.of("-Xmx1g", "-XX:+UseG1GC");
    /** How often a row whose never-seen tokens ran out is run again, each time with twice as many. */
    private static final int TOKEN_ATTEMPTS = 3;

    private final HttpSettings settings;
    private final Path work;
    private final Map<String, Double> observed = new HashMap<>();
    /** The load average before the benchmark started anything: the rows' own include its processes. */
    private final double loadBefore = WrkRun.loadAverage();

    private WrkRun wrk;
    private HttpReport report;
    private boolean peerRan;

    private HttpBenchmark(HttpSettings settings, Path work) {
        this.settings = settings;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        if (!BenchmarkSettings.selected("http")) {
            return;
        }
        if (!WrkRun.available()) {
            // Not a failure of "all" on a machine without wrk; a failure when asked for by name.
            System.out.println("HTTP benchmark skipped: wrk is not on the PATH (Debian: apt-get install wrk)");
            System.exit(BenchmarkSettings.selectedByName("http") ? 1 : 0);
        }
        HttpSettings settings = HttpSettings.fromSystemProperties();
        Path work = Files.createTempDirectory("credfolio-http-");
        boolean passed = false;
        long start = System.nanoTime();
        try {
            new HttpBenchmark(settings, work).run();
            passed = true;
        } catch (Exception e) {
            System.err.println("HTTP benchmark aborted: " + e);
            e.printStackTrace();
        }
        System.out.printf(Locale.ROOT, "%nHTTP benchmark took %.0f s%n", (System.nanoTime() - start) / 1e9);
        if (passed && !Boolean.getBoolean("http.keep")) {
            deleteRecursively(work);
        } else {
            System.out.println(
                    "Kept for inspection (server log app.log, Node peer log node.log, store data/): " + work);
        }
        System.exit(passed ? 0 : 1);
    }

    private void run() throws Exception {
        try (HttpStore store = HttpStore.start(settings.mongoDb())) {
            run(store);
        }
    }

    private void run(HttpStore store) throws Exception {
        Path data = work.resolve("data");
        Path log = work.resolve("app.log");
        Files.createDirectories(data);
        wrk = new WrkRun(copyScript(), settings);
        HttpFixture fixture = new HttpFixture();
        String[] storeArgs = store.applicationArgs().toArray(String[]::new);
        System.out.println("HTTP benchmark: starting the application (separate JVM " + String.join(" ", SERVER_JVM)
                + ") with the demo data on " + store.description() + ", data directory " + data);
        long phase = System.nanoTime();
        try (ForkedApp first = ForkedApp.start(data, log, SERVER_JVM, storeArgs)) {
            System.out.printf(Locale.ROOT, "Started in %.0f s; recording the cycling credentials%n", since(phase));
            phase = System.nanoTime();
            fixture.issueCycling(first);
        }
        // The signing key stays in the store, encrypted with a key in the data directory; the minting
        // application reads a copy of both, taken while the server is stopped (the embedded store is
        // one process's at a time; a MongoDB is shared, and only the data directory is copied).
        Path copy = work.resolve("store-copy");
        copyRecursively(data, copy);
        System.out.printf(
                Locale.ROOT,
                "Recorded %d credentials in %.0f s; restarting the application, and the minting one on %s%n",
                fixture.cycling().size(),
                since(phase),
                store.embedded() ? "a copy of its store" : "the same MongoDB");
        phase = System.nanoTime();
        try (ForkedApp app = ForkedApp.start(data, log, SERVER_JVM, storeArgs);
                TokenMint mint = TokenMint.open(
                        copy, store.applicationArgs(), fixture.cycling().get(0))) {
            System.out.printf(Locale.ROOT, "Both started in %.0f s%n", since(phase));
            fixture.prepare(app);
            fixture.assertVerifies(fixture.cycling().get(0), "An issued credential");
            fixture.assertVerifies(fixture.cyclingIntegrity().get(0), "An issued Data Integrity credential");
            Path probe = work.resolve("probe.tokens");
            mint.mint(1, List.of(probe));
            fixture.assertVerifies(Files.readString(probe).strip(), "A minted credential");
            String skipped = NodePeer.unavailable();
            NodePeer peer = skipped == null
                    ? NodePeer.start(app.baseUri().resolve("/.well-known/jwks.json"), work.resolve("node.log"))
                    : null;
            Path tokens = HttpRows.tokenDirectory(work);
            try {
                List<HttpRows.Row> rows = HttpRows.build(
                        work, tokens, settings, fixture, mint, app.baseUri(), peer == null ? null : peer.baseUri());
                report = new HttpReport(rows);
                header(fixture, peer, skipped);
                measure(rows, settings.warmup());
            } finally {
                deleteRecursively(tokens);
                if (peer != null) {
                    peer.close();
                }
            }
            peerRan = peer != null;
        }
        measureCold(data, log, fixture, storeArgs);
        report.table();
        report.ratios();
        footer(fixture, store);
    }

    /**
     * The second phase: the application restarted on the same store with every read cache off, so
     * that each portfolio read and share page view reads the store as a first view does, beside a
     * floor measured on that same server. Its rows warm up three times as long as the first
     * phase's: the JIT starts over on the new server, and on 2 cores a row's rate still rose from
     * round to round after one warm-up.
     */
    private void measureCold(Path data, Path log, HttpFixture fixture, String[] storeArgs) throws Exception {
        if (!settings.only().isEmpty() && HttpRows.COLD_KEYS.stream().noneMatch(settings.only()::contains)) {
            return;
        }
        System.out.println("Restarting the application with its read caches off: " + HttpRows.CACHES_OFF);
        String[] args = Stream.concat(HttpRows.CACHES_OFF.stream(), Stream.of(storeArgs))
                .toArray(String[]::new);
        try (ForkedApp app = ForkedApp.start(data, log, SERVER_JVM, args)) {
            fixture.prepare(app);
            List<HttpRows.Row> rows = HttpRows.cold(work.resolve("cold"), settings, fixture, app.baseUri());
            report.add(rows);
            measure(rows, settings.warmup().multipliedBy(3));
        }
    }

    private void measure(List<HttpRows.Row> rows, Duration warmup) throws Exception {
        System.out.printf(
                "Warm-up: each row once, %d s (the Node peer's %d s)%n",
                warmup.toSeconds(), settings.peerWarmup().toSeconds());
        for (HttpRows.Row row : rows) {
            report.progress("warm-up", row, run(row, row.node() ? settings.peerWarmup() : warmup));
        }
        System.out.printf(
                "Measuring: %d rounds of %d s a row, every other round in reverse order%n",
                settings.rounds(), settings.row().toSeconds());
        for (int round = 1; round <= settings.rounds(); round++) {
            List<HttpRows.Row> order = new ArrayList<>(rows);
            if (round % 2 == 0) {
                Collections.reverse(order);
                // The Node peer's minted row verifies the service's latest set: keep it after the service's row.
                moveAfter(order, "node-jose-new", "verify-new");
            }
            for (HttpRows.Row row : order) {
                WrkRun.Result result = run(row, settings.row());
                report.progress("round " + round, row, result);
                report.measured(row, result);
            }
        }
    }

    /**
     * One wrk run of a row, checked: any error, timeout or wrong answer stops the benchmark. A run
     * whose never-seen tokens ran out counts a thread's idle time, so it is run again with more.
     */
    private WrkRun.Result run(HttpRows.Row row, Duration duration) throws Exception {
        double factor = 1;
        for (int attempt = 1; ; attempt++) {
            WrkRun.Result result = wrk.run(row.plan().request(duration, expected(row) * factor), duration);
            row.plan().after(result);
            String problem = result.problem();
            if (problem != null) {
                throw new IllegalStateException(row.label() + ": " + problem);
            }
            observed.put(row.key(), result.perSecond());
            if (!result.exhausted()) {
                return result;
            }
            if (attempt == TOKEN_ATTEMPTS) {
                throw new IllegalStateException(row.label() + ": the never-seen tokens ran out " + attempt + " times");
            }
            System.out.printf(
                    Locale.ROOT,
                    "  (%s: the tokens ran out at %.0f/s; running it again with twice as many)%n",
                    row.label(),
                    result.perSecond());
            factor *= 2;
        }
    }

    /**
     * The rate a row is expected to answer at, which sizes its never-seen tokens: the faster of its
     * own last rate and that of verifying tokens the signature cache knows (which skips the
     * signature, so should be faster still; the JIT can make either grow from one run to the next).
     */
    private double expected(HttpRows.Row row) {
        return Math.max(observed.getOrDefault(row.key(), 0.0), observed.getOrDefault("verify-cycling", 5_000.0));
    }

    private void header(HttpFixture fixture, NodePeer peer, String skipped) throws Exception {
        System.out.printf(
                "wrk: %d threads, %d connections; the demo learner's portfolio has %d credentials%n",
                settings.threads(), settings.connections(), fixture.portfolioSize());
        System.out.println(
                peer != null
                        ? "Node peer: " + peer.version() + " at " + peer.baseUri()
                        : "Node peer skipped: " + skipped);
        System.out.printf(
                Locale.ROOT,
                "Load average (1 min) before the run: %.2f; during a row it includes the row's own wrk, server"
                        + " and Node%n",
                loadBefore);
    }

    private void footer(HttpFixture fixture, HttpStore store) {
        System.out.println();
        System.out.printf(
                "java.version:         %s (%s), server JVM %s%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"), String.join(" ", SERVER_JVM));
        System.out.printf("available processors: %d%n", Runtime.getRuntime().availableProcessors());
        System.out.printf(
                "load:                 wrk -t%d -c%d, %d s a row, %d rounds (median), warm-up %d s a row;"
                        + " wrk, the server%s share the machine%n",
                settings.threads(),
                settings.connections(),
                settings.row().toSeconds(),
                settings.rounds(),
                settings.warmup().toSeconds(),
                peerRan ? " and the Node peer" : "");
        System.out.println("store:                " + store.description() + ", demo data (300 learners) and "
                + fixture.issuedSoFar() + " credentials recorded before the rows");
    }

    private static double since(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }

    private static void moveAfter(List<HttpRows.Row> order, String key, String after) {
        int at = indexOf(order, key);
        if (at < 0 || indexOf(order, after) < 0) {
            return;
        }
        HttpRows.Row row = order.remove(at);
        order.add(indexOf(order, after) + 1, row);
    }

    private static int indexOf(List<HttpRows.Row> rows, String key) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private Path copyScript() throws IOException {
        Path script = work.resolve("http-row.lua");
        try (InputStream in = HttpBenchmark.class.getResourceAsStream("/benchmark/http-row.lua")) {
            if (in == null) {
                throw new IllegalStateException("benchmark/http-row.lua is not on the class path");
            }
            Files.copy(in, script);
        }
        return script;
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
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
