package org.credfolio.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The rows of the HTTP benchmark: what wrk sends for each and what every answer must say. The
 * service's rows and the Node peer's beside them, in the order a round runs them.
 */
final class HttpRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "Content-Type: application/json";
    private static final String VERIFY_BEFORE = "{\"verifiableCredential\":\"";
    private static final String VERIFY_AFTER = "\"}";
    /** Around a credential that is a JSON object (Data Integrity), not a string. */
    private static final String VERIFY_OBJECT_BEFORE = "{\"verifiableCredential\":";

    private static final String VERIFY_OBJECT_AFTER = "}";
    private static final String VERIFIED = "\"verified\":true";

    /** One row: its key, its label in the table, whether Node serves it, and how to run it. */
    record Row(String key, String label, boolean node, Plan plan) {}

    /** Makes the row's next wrk request; {@link #after} sees what it did. */
    interface Plan {
        /** The request for a run of this length, expected to answer at about this rate. */
        WrkRun.Request request(Duration duration, double expectedPerSecond) throws Exception;

        default void after(WrkRun.Result result) throws IOException {}
    }

    private final Path work;
    /** Where the token files go: memory-backed when the machine has it (see {@link #tokenDirectory}). */
    private final Path tokens;

    private final HttpSettings settings;
    private final HttpFixture fixture;
    private final TokenMint mint;
    private final List<Path> cyclingFiles;
    private final List<Path> integrityFiles;
    private List<Path> neverSeen;
    private int neverSeenSets;
    private int bodies;
    private long issued;

    private HttpRows(Path work, Path tokens, HttpSettings settings, HttpFixture fixture, TokenMint mint) {
        this.work = work;
        this.tokens = tokens;
        this.settings = settings;
        this.fixture = fixture;
        this.mint = mint;
        this.cyclingFiles = tokenFiles("cycling");
        this.integrityFiles = tokenFiles("integrity");
        this.issued = fixture.issuedSoFar();
    }

    /**
     * The issued credentials in both forms (a Data Integrity credential as one line of JSON), one
     * file per wrk thread.
     */
    private void writeCycling() throws IOException {
        write(fixture.cycling(), cyclingFiles);
        List<String> integrity = new ArrayList<>();
        for (JsonNode credential : fixture.cyclingIntegrity()) {
            integrity.add(JSON.writeValueAsString(credential));
        }
        write(integrity, integrityFiles);
    }

    private void write(List<String> lines, List<Path> files) throws IOException {
        List<StringBuilder> texts = new ArrayList<>();
        for (int t = 0; t < settings.threads(); t++) {
            texts.add(new StringBuilder());
        }
        for (int i = 0; i < lines.size(); i++) {
            texts.get(i % settings.threads()).append(lines.get(i)).append('\n');
        }
        for (int t = 0; t < settings.threads(); t++) {
            Files.writeString(files.get(t), texts.get(t));
        }
    }

    /**
     * The rows in round order, each service row followed by its Node peer when there is one, so
     * that what drifts during a round (JIT, GC, other load) reaches both alike.
     */
    static List<Row> build(
            Path work, Path tokens, HttpSettings settings, HttpFixture fixture, TokenMint mint, URI app, URI node)
            throws IOException {
        HttpRows rows = new HttpRows(work, tokens, settings, fixture, mint);
        rows.writeCycling();
        List<Row> list = new ArrayList<>();
        list.add(new Row("floor", "floor: POST /challenges", false, rows.challenges(app)));
        if (node != null) {
            list.add(new Row(
                    "node-plain",
                    "Node http, a tiny JSON",
                    true,
                    rows.fixed(node, "POST", "/plain", "{}", List.of(JSON_TYPE), "\"ok\"")));
            list.add(new Row("node-hmac", "Node http, the same HMAC", true, rows.challenges(node)));
        }
        list.add(new Row("verify-cycling", "POST /credentials/verify, 1,000 tokens cycling", false, rows.cycling(app)));
        if (node != null) {
            list.add(new Row("node-jose-cycling", "Node http + jose, same 1,000 tokens", true, rows.cycling(node)));
        }
        list.add(new Row("verify-new", "POST /credentials/verify, never-seen tokens", false, rows.neverSeen(app)));
        if (node != null) {
            list.add(new Row("node-jose-new", "Node http + jose, minted tokens", true, rows.mintedForNode(node)));
        }
        list.add(new Row(
                "verify-integrity",
                "POST /credentials/verify, 1,000 Data Integrity",
                false,
                rows.cyclingIntegrity(app)));
        list.add(new Row(
                "portfolio", "portfolio, " + fixture.portfolioSize() + " credentials", false, rows.portfolio(app)));
        list.add(new Row("share", "share page, 1 credential", false, rows.sharePage(app)));
        list.add(new Row("issue", "recordEarnedCredential", false, rows.issue(app)));
        return chosen(settings, list);
    }

    /** The settings that turn every read cache off, for {@link #cold}. */
    static final List<String> CACHES_OFF = List.of(
            "--credfolio.awards.read-ttl=0", "--credfolio.learner.own-record-ttl=0", "--credfolio.sharing.read-ttl=0");

    static final List<String> COLD_KEYS = List.of("floor-cold", "portfolio-cold", "share-cold");

    /**
     * The rows of the second phase, against the application restarted with {@link #CACHES_OFF}:
     * every portfolio read and share page view then reads the store, as a first view does. With its
     * own floor, measured on the same server. Its files go to {@code work}, apart from the first
     * phase's.
     */
    static List<Row> cold(Path work, HttpSettings settings, HttpFixture fixture, URI app) throws IOException {
        HttpRows rows = new HttpRows(Files.createDirectories(work), work, settings, fixture, null);
        List<Row> list = List.of(
                new Row("floor-cold", "floor: POST /challenges (caches off)", false, rows.challenges(app)),
                new Row("portfolio-cold", "portfolio, caches off (every read a first)", false, rows.portfolio(app)),
                new Row("share-cold", "share page, caches off", false, rows.sharePage(app)));
        return chosen(settings, list);
    }

    /** All rows, or those {@code http.rows} names. */
    private static List<Row> chosen(HttpSettings settings, List<Row> rows) {
        return settings.only().isEmpty()
                ? rows
                : rows.stream()
                        .filter(row -> settings.only().contains(row.key()))
                        .toList();
    }

    /**
     * A directory for the token files. The never-seen rows write some 200 MB of fresh tokens just
     * before they run; on disk, the kernel would write them back while wrk measures, on the same
     * two cores. {@code /dev/shm} (memory) is used where the machine has it; else {@code work}.
     */
    static Path tokenDirectory(Path work) throws IOException {
        Path memory = Path.of("/dev/shm");
        if (Files.isDirectory(memory) && Files.isWritable(memory)) {
            return Files.createTempDirectory(memory, "credfolio-http-tokens-");
        }
        return Files.createDirectories(work.resolve("tokens"));
    }

    /** The same request every time; every answer must be a 200 with {@code expect} in it. */
    private Plan fixed(URI base, String method, String path, String body, List<String> headers, String expect)
            throws IOException {
        List<String> arguments =
                new ArrayList<>(List.of("mode=fixed", "method=" + method, "path=" + path, "expect=" + expect));
        if (body != null) {
            Path file = work.resolve("body-" + ++bodies + ".json");
            Files.writeString(file, body);
            arguments.add("body=" + file);
        }
        WrkRun.Request request = new WrkRun.Request(base.resolve(path), headers, arguments);
        return (duration, rate) -> request;
    }

    /** {@code POST /challenges}: the service's floor, and the Node peer's same HMAC. */
    private Plan challenges(URI base) throws IOException {
        return fixed(base, "POST", "/challenges", "{}", List.of(JSON_TYPE), "\"challenge\"");
    }

    /** The fixture's share page, whose credential must show as verified. */
    private Plan sharePage(URI app) throws IOException {
        return fixed(app, "GET", fixture.sharePath(), null, List.of(), HttpFixture.SHARE_VERIFIED);
    }

    /** The learner's portfolio: a 200 with no {@code errors} and each credential's JWT. */
    private Plan portfolio(URI base) throws IOException {
        Path file = work.resolve("portfolio.json");
        Files.writeString(file, JSON.writeValueAsString(Map.of("query", HttpFixture.PORTFOLIO)));
        WrkRun.Request request = new WrkRun.Request(
                base.resolve("/graphql"),
                List.of(JSON_TYPE, "Authorization: Bearer " + fixture.learnerToken()),
                List.of(
                        "mode=fixed",
                        "method=POST",
                        "path=/graphql",
                        "body=" + file,
                        "expect=\"jwt\":\"ey",
                        "count=" + fixture.portfolioSize(),
                        "reject=\"errors\""));
        return (duration, rate) -> request;
    }

    /** The 1,000 issued credentials, over and over: after the first pass the signature cache knows them. */
    private Plan cycling(URI base) {
        return cycling(base, cyclingFiles, VERIFY_BEFORE, VERIFY_AFTER);
    }

    /**
     * The same 1,000 credentials in their Data Integrity form (JSON-LD with an {@code
     * eddsa-rdfc-2022} proof), over and over: what a verifier that asks for Data Integrity sends.
     */
    private Plan cyclingIntegrity(URI base) {
        return cycling(base, integrityFiles, VERIFY_OBJECT_BEFORE, VERIFY_OBJECT_AFTER);
    }

    private Plan cycling(URI base, List<Path> files, String before, String after) {
        WrkRun.Request request = new WrkRun.Request(
                base.resolve("/credentials/verify"),
                List.of(JSON_TYPE),
                List.of(
                        "mode=tokens",
                        "path=/credentials/verify",
                        "tokens=" + prefix(files),
                        "before=" + before,
                        "after=" + after,
                        "expect=" + VERIFIED));
        return (duration, rate) -> request;
    }

    /**
     * Tokens minted for this run alone, each used once: half again as many as the expected rate
     * needs, so that none is sent twice. A thread that uses up its share stops, and the run says
     * so (the benchmark then runs it again with more).
     */
    private Plan neverSeen(URI base) {
        return new Plan() {
            @Override
            public WrkRun.Request request(Duration duration, double expectedPerSecond) throws IOException {
                int count = (int) Math.ceil(expectedPerSecond * duration.toSeconds() * 1.5) + 500 * settings.threads();
                long start = System.nanoTime();
                List<Path> files = freshNeverSeen();
                mint.mint(count, files);
                System.out.printf(
                        Locale.ROOT,
                        "  (minted %,d never-seen tokens in %.1f s)%n",
                        count,
                        (System.nanoTime() - start) / 1e9);
                return new WrkRun.Request(
                        base.resolve("/credentials/verify"),
                        List.of(JSON_TYPE),
                        List.of(
                                "mode=tokens",
                                "once=true",
                                "path=/credentials/verify",
                                "tokens=" + prefix(files),
                                "before=" + VERIFY_BEFORE,
                                "after=" + VERIFY_AFTER,
                                "expect=" + VERIFIED));
            }
        };
    }

    /** Node has no cache: it verifies the service's latest set of minted tokens, cycling through them. */
    private Plan mintedForNode(URI base) {
        return (duration, rate) -> {
            if (neverSeen == null) {
                throw new IllegalStateException("the Node peer's minted row runs after the service's");
            }
            return new WrkRun.Request(
                    base.resolve("/credentials/verify"),
                    List.of(JSON_TYPE),
                    List.of(
                            "mode=tokens",
                            "path=/credentials/verify",
                            "tokens=" + prefix(neverSeen),
                            "before=" + VERIFY_BEFORE,
                            "after=" + VERIFY_AFTER,
                            "expect=" + VERIFIED));
        };
    }

    /** The registrar records one credential a request, each for a new learner and date pair. */
    private Plan issue(URI base) throws IOException {
        Path template = work.resolve("issue.json");
        Files.writeString(
                template,
                JSON.writeValueAsString(Map.of(
                        "query",
                        HttpFixture.RECORD,
                        "variables",
                        Map.of(
                                "i",
                                Map.of(
                                        "learnerId", "{learner}",
                                        "credentialId", HttpFixture.CREDENTIAL,
                                        "earnedOn", "{date}",
                                        "result", "Pass")))));
        return new Plan() {
            @Override
            public WrkRun.Request request(Duration duration, double expectedPerSecond) {
                return new WrkRun.Request(
                        base.resolve("/graphql"),
                        List.of(JSON_TYPE, "Authorization: Bearer " + fixture.registrarToken()),
                        List.of(
                                "mode=issue",
                                "path=/graphql",
                                "template=" + template,
                                "base=" + issued,
                                "learners=" + HttpFixture.RECEIVERS,
                                "first=" + HttpFixture.FIRST_RECEIVER,
                                "today=" + fixture.todayEpochSecond(),
                                "days=" + HttpFixture.DAYS_BACK,
                                "expect=\"jwt\":\"ey",
                                "reject=\"errors\""));
            }

            @Override
            public void after(WrkRun.Result result) {
                // Requests still in flight when wrk stopped may yet be recorded: go on past all of them.
                issued += result.mostSentByAThread() * settings.threads();
            }
        };
    }

    /** A new set of never-seen token files; the previous set is deleted. */
    private List<Path> freshNeverSeen() throws IOException {
        if (neverSeen != null) {
            for (Path file : neverSeen) {
                Files.deleteIfExists(file);
            }
        }
        neverSeen = tokenFiles("never-seen-" + ++neverSeenSets);
        return neverSeen;
    }

    private List<Path> tokenFiles(String name) {
        List<Path> files = new ArrayList<>();
        for (int t = 0; t < settings.threads(); t++) {
            files.add(tokens.resolve(name + ".tokens." + t));
        }
        return files;
    }

    /** The files' common prefix: the row script reads {@code <prefix>.<thread id>}. */
    private static String prefix(List<Path> files) {
        String first = files.get(0).toString();
        return first.substring(0, first.lastIndexOf('.'));
    }
}
