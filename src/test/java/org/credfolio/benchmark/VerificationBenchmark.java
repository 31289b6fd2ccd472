package org.credfolio.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.credfolio.trust.CredentialForms;
import org.credfolio.trust.keys.IssuerKeys;
import org.credfolio.trust.keys.RawJose;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Verification and issuance benchmark, in one JVM run: verifications per second through GraphQL and
 * through the VC API REST endpoint beside raw nimbus verification of the same kind of tokens with
 * the same provider, a repeatedly verified credential (a popular share link), and issuances per
 * second beside raw signing plus insert. Every verification gets a credential not verified before,
 * except on the repeat path. Run with {@code ./mvnw -Pbenchmark verify -Dbenchmark.which=verification}.
 */
public final class VerificationBenchmark {
    private static final Duration SLICE = Duration.ofSeconds(5);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final String VERIFY_QUERY =
            "query($c: String!) { verifyCredential(credential: $c) { verified checks { name passed } } }";
    /** How often a slice whose minted tokens ran out is run again, each time with twice as many. */
    private static final int TOKEN_ATTEMPTS = 3;

    private VerificationBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchmarkLauncher.launch("verification", args, (settings, app, dataDirectory) -> new Run(settings, app).run());
    }

    private static final class Run {
        private final BenchmarkSettings settings;
        private final ConfigurableApplicationContext app;
        private final MongoOperations mongo;
        private final IssuerKeys keys;
        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final URI base;
        private final Map<String, LoadDriver.Result> results = new LinkedHashMap<>();
        private final Map<String, Double> observedRate = new java.util.HashMap<>();
        private String authorization;
        private final AtomicLong resent = new AtomicLong();

        Run(BenchmarkSettings settings, ConfigurableApplicationContext app) {
            this.settings = settings;
            this.app = app;
            this.mongo = app.getBean(MongoOperations.class);
            this.keys = app.getBean(IssuerKeys.class);
            int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
            this.base = URI.create("http://127.0.0.1:" + port);
        }

        void run() throws Exception {
            int learners = Math.min(settings.learners(), 2_000);
            BenchmarkData.Loaded data = new BenchmarkData(app).load(learners, settings.credentialsPerLearner());
            login(data.username(), data.password());
            System.out.println("Provider: " + RawJose.providerName());

            // Issuance: recordEarnedCredential over HTTP (award write, two status indexes, signing,
            // storing the credential) beside raw signing plus one insert.
            AtomicInteger serial = new AtomicInteger();
            String credentialId =
                    BenchmarkCatalog.credentials(java.time.Instant.now()).get(0).id();
            PortfolioRead issueHttp = ignored -> record(data.learnerIds(), credentialId, serial.getAndIncrement());
            measure("issue http", issueHttp, null);
            Document issued = mongo.findOne(
                    new org.springframework.data.mongodb.core.query.Query(), Document.class, "issued_credentials");
            Map<String, Object> sample = CredentialForms.payload(issued.getString("jwt"));
            RawJose.Signer rawSigner = RawJose.es256();
            Map<String, Object> claims = sample;
            PortfolioRead issueRaw = ignored -> {
                String jwt = rawSigner.sign(claims);
                mongo.insert(
                        new Document("_id", UUID.randomUUID().toString()).append("jwt", jwt),
                        "benchmark_raw_credentials");
            };
            measure("issue raw", issueRaw, null);
            alternate(List.of("issue http", "issue raw"), Map.of("issue http", issueHttp, "issue raw", issueRaw), null);

            // Verification of distinct credentials, each signed by the district's real key with a real
            // status entry, minted before each slice so that no signature result is cached.
            String districtId = "bench-district";
            RawJose raw = RawJose.fromJwks(get("/.well-known/jwks.json"));
            List<String> popular = mint(districtId, sample, 100);
            Map<String, PortfolioRead> paths = new LinkedHashMap<>();
            paths.put("verify raw", tokenPath(token -> {
                if (!raw.verify(token)) {
                    throw new IllegalStateException("raw verification failed");
                }
            }));
            paths.put("verify graphql", tokenPath(this::verifyGraphQl));
            paths.put("verify rest", tokenPath(this::verifyRest));
            // The floor of any public POST here: HTTP, security, JSON and an HMAC; no store, no signature.
            paths.put("http floor", ignored -> post("/challenges", "{}", false));
            paths.put(
                    "verify rest repeat",
                    ignored ->
                            verifyRest(popular.get(ThreadLocalRandom.current().nextInt(popular.size()))));
            IntFunction<List<String>> supply = count -> mint(districtId, sample, count);
            for (String path : paths.keySet()) {
                measure(path, paths.get(path), supply);
            }
            alternate(new ArrayList<>(paths.keySet()), paths, supply);
            report(data);
        }

        /** A path that takes the next minted token. */
        private PortfolioRead tokenPath(TokenAction action) {
            return ignored -> action.run(currentTokens.next());
        }

        private volatile TokenPool currentTokens;

        /** Warm-up of one path, in slices. */
        private void measure(String path, PortfolioRead read, IntFunction<List<String>> supply) throws Exception {
            LoadDriver driver = new LoadDriver(settings.threads(), List.of("-"));
            long warm = settings.warmup().toSeconds() / 3;
            for (long done = 0; done < warm; done += SLICE.toSeconds()) {
                BenchmarkReport.progress("warm " + path, slice(driver, path, read, supply));
            }
        }

        /** Measured slices of all paths in turn, A B C ... then reversed, so drift hits all alike. */
        private void alternate(List<String> order, Map<String, PortfolioRead> paths, IntFunction<List<String>> supply)
                throws Exception {
            LoadDriver driver = new LoadDriver(settings.threads(), List.of("-"));
            int rounds = (int) Math.max(1, settings.measure().toSeconds() / SLICE.toSeconds() / 2);
            for (int round = 0; round < rounds; round++) {
                List<String> sequence = new ArrayList<>(order);
                List<String> reversed = new ArrayList<>(order);
                java.util.Collections.reverse(reversed);
                sequence.addAll(reversed);
                for (String path : sequence) {
                    LoadDriver.Result result = slice(driver, path, paths.get(path), supply);
                    BenchmarkReport.progress("measure " + path, result);
                    results.merge(path, result, LoadDriver.Result::merge);
                }
            }
        }

        /**
         * One slice of a path. A path that verifies distinct credentials gets fresh ones, twice as
         * many as its fastest slice so far needed; the JIT can still more than double its rate from
         * one slice to the next, so a slice whose tokens ran out (its rate then counts threads that
         * had nothing to send) is run again with twice as many, rather than repeat a token.
         */
        private LoadDriver.Result slice(
                LoadDriver driver, String path, PortfolioRead read, IntFunction<List<String>> supply) throws Exception {
            boolean minted =
                    List.of("verify raw", "verify graphql", "verify rest").contains(path);
            for (int attempt = 1; ; attempt++) {
                if (minted) {
                    double rate = observedRate.getOrDefault(path, path.equals("verify raw") ? 15_000.0 : 3_000.0);
                    int count = (int) Math.max(5_000, 2 * rate * SLICE.toSeconds()) << (attempt - 1);
                    currentTokens = new TokenPool(supply.apply(count));
                }
                LoadDriver.Result result = driver.run(read, SLICE);
                if (minted && currentTokens.ranOut() && attempt < TOKEN_ATTEMPTS) {
                    System.out.printf(
                            "  (%s: the %,d minted tokens ran out; slice run again with twice as many)%n",
                            path, currentTokens.size());
                    continue;
                }
                check(path, result);
                observedRate.merge(path, result.throughputPerSecond(), Math::max);
                return result;
            }
        }

        private List<String> mint(String organizationId, Map<String, Object> sample, int count) {
            return java.util.stream.IntStream.range(0, count)
                    .parallel()
                    .mapToObj(i -> {
                        Map<String, Object> claims = new LinkedHashMap<>(sample);
                        String id = "urn:uuid:" + UUID.randomUUID();
                        claims.put("id", id);
                        claims.put("jti", id);
                        return keys.sign(organizationId, "vc+jwt", claims);
                    })
                    .toList();
        }

        private void record(List<String> learnerIds, String credentialId, int n) throws Exception {
            String learner = learnerIds.get(n % learnerIds.size());
            LocalDate earnedOn = LocalDate.now().minusDays(n / learnerIds.size());
            String body = post(
                    "/graphql",
                    "{\"query\":\"mutation($i: RecordCredentialInput!) { recordEarnedCredential(input: $i) { id } }\","
                            + "\"variables\":{\"i\":{\"learnerId\":\"" + learner + "\",\"credentialId\":\""
                            + credentialId
                            + "\",\"earnedOn\":\"" + earnedOn + "\"}}}",
                    true);
            if (body.contains("\"errors\"")) {
                throw new IllegalStateException("record failed: " + body);
            }
        }

        private void verifyGraphQl(String token) throws Exception {
            String body = post(
                    "/graphql", "{\"query\":\"" + VERIFY_QUERY + "\",\"variables\":{\"c\":\"" + token + "\"}}", false);
            if (!body.contains("\"verified\":true")) {
                throw new IllegalStateException("not verified: " + body);
            }
        }

        private void verifyRest(String token) throws Exception {
            String body = post("/credentials/verify", "{\"verifiableCredential\":\"" + token + "\"}", false);
            if (!body.contains("\"verified\":true")) {
                throw new IllegalStateException("not verified: " + body);
            }
        }

        private String post(String path, String json, boolean authorized) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (authorized) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = send(request.build());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }

        /**
         * Sends a request, and once more when the server closed its connection without a byte of
         * answer ("HTTP/1.1 header parser received no bytes"). Tomcat closes a kept-alive connection
         * after 100 requests or 60 s idle, and now and then, at a few thousand requests a second, the
         * client sent on one in that moment: it aborted this benchmark. The report says how often.
         */
        private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                    throw e;
                }
                resent.incrementAndGet();
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            }
        }

        private String get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        }

        private void login(String username, String password) throws Exception {
            String body = client.send(
                            HttpRequest.newBuilder(base.resolve("/auth/token"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher token = ACCESS_TOKEN.matcher(body);
            if (!token.find()) {
                throw new IllegalStateException("Login failed: " + body);
            }
            authorization = "Bearer " + token.group(1);
        }

        private void report(BenchmarkData.Loaded data) {
            System.out.println();
            System.out.printf(
                    Locale.ROOT, "%-20s %10s %14s %9s %9s%n", "path", "requests", "throughput/s", "p50 ms", "p99 ms");
            results.forEach((path, r) -> System.out.printf(
                    Locale.ROOT,
                    "%-20s %10d %14.1f %9.3f %9.3f%n",
                    path,
                    r.requests(),
                    r.throughputPerSecond(),
                    r.percentileMillis(0.5),
                    r.percentileMillis(0.99)));
            double raw = results.get("verify raw").throughputPerSecond();
            double rest = results.get("verify rest").throughputPerSecond();
            double graphql = results.get("verify graphql").throughputPerSecond();
            double repeat = results.get("verify rest repeat").throughputPerSecond();
            System.out.println();
            ratio("REST verify / raw verify", rest / raw, 0.70);
            ratio("GraphQL verify / raw verify", graphql / raw, 0.70);
            ratio("repeated REST verify / raw verify", repeat / raw, 5.0);
            System.out.println("REST verify beside Node jose on the same tokens: ./mvnw -Pbenchmark verify"
                    + " -Dbenchmark.which=http (wrk in a process of its own, the server in a JVM of its own)");
            System.out.printf(
                    Locale.ROOT,
                    "REST verify / bare HTTP floor (POST /challenges): %.2f%n",
                    rest / results.get("http floor").throughputPerSecond());
            System.out.printf(
                    Locale.ROOT,
                    "issuance http / raw sign+insert: %.2f%n",
                    results.get("issue http").throughputPerSecond()
                            / results.get("issue raw").throughputPerSecond());
            System.out.println();
            System.out.printf(
                    "java.version:         %s (%s)%n",
                    System.getProperty("java.version"), System.getProperty("java.vm.name"));
            System.out.printf("crypto provider:      %s%n", RawJose.providerName());
            System.out.printf("available processors: %d%n", Runtime.getRuntime().availableProcessors());
            System.out.printf(
                    "store:                embedded mongo-java-server, %s; %,d learners%n",
                    settings.inMemory() ? "in-memory backend" : "H2 file backend",
                    data.learnerIds().size());
            System.out.printf(
                    "load:                 concurrency %d, %d s slices; client and server share this JVM%n",
                    settings.threads(), SLICE.toSeconds());
            System.out.printf(
                    "sent again:           %d requests whose connection the server closed without answering%n",
                    resent.get());
        }

        private static void ratio(String label, double value, double goal) {
            System.out.printf(
                    Locale.ROOT,
                    "%-40s %6.2fx  goal >= %.2fx: %s%n",
                    label,
                    value,
                    goal,
                    value >= goal ? "MET" : "NOT MET");
        }
    }

    private interface TokenAction {
        void run(String token) throws Exception;
    }

    /**
     * Hands out each token once; past the last one every request fails rather than repeat a token,
     * and {@link #ranOut} says so, for the slice to be run again with more.
     */
    private static final class TokenPool {
        private final List<String> tokens;
        private final AtomicInteger next = new AtomicInteger();

        TokenPool(List<String> tokens) {
            this.tokens = tokens;
        }

        String next() {
            int i = next.getAndIncrement();
            if (i >= tokens.size()) {
                throw new IllegalStateException("minted tokens ran out after " + tokens.size());
            }
            return tokens.get(i);
        }

        boolean ranOut() {
            return next.get() > tokens.size();
        }

        int size() {
            return tokens.size();
        }
    }

    private static LoadDriver.Result check(String path, LoadDriver.Result result) {
        if (result.failures() > 0) {
            throw new IllegalStateException(
                    path + ": " + result.failures() + " failures; first: " + result.firstFailure());
        }
        return result;
    }
}
