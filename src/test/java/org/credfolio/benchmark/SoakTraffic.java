package org.credfolio.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.credfolio.shared.store.ForkedApp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The soak benchmark's requests against the forked application, as its users make them: 20
 * learners (the demo learner and 19 accounts the registrar creates) read their portfolios and share
 * their credentials, the demo registrar records earned credentials for the other 280 demo learners,
 * and anyone verifies the credentials just issued. Every answer is checked; a wrong one throws
 * {@link Failure} with the status and the start of the body.
 */
final class SoakTraffic {
    private static final String REGISTRAR = "registrar@demo.credfolio.org";
    private static final String ADMIN = "platform-admin@demo.credfolio.org";
    /**
     * Learners 001 to 020 read and share; 021 to 300 receive the issued credentials (see {@link
     * #issue}), so that the portfolios read keep their size all run long and their reads compare from
     * minute to minute.
     */
    private static final int SOAK_LEARNERS = 20;

    private static final int DEMO_LEARNERS = 300;
    private static final String CREDENTIAL = "tx-ibc-351";
    private static final String PORTFOLIO = "{ me { credentials { id status jwt credential { name } } } }";
    private static final String RECORD =
            "mutation($i: RecordCredentialInput!) { recordEarnedCredential(input: $i) { id jwt } }";
    private static final String CREATE_ACCOUNT =
            "mutation($i: CreateLearnerAccountInput!) { createLearnerAccount(input: $i) { username } }";
    private static final String CREATE_SHARE =
            "mutation($i: CreateShareInput!) { createShare(input: $i) { token share { id } } }";
    private static final String REVOKE_SHARE = "mutation($id: ID!) { revokeShare(id: $id) { id active } }";
    /** Recent credentials to verify: each is verified about twice (first time and again) at the default mix. */
    private static final int VERIFY_POOL = 500;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final LocalDate today = LocalDate.now();
    private final AtomicLong issued = new AtomicLong();
    private final AtomicReferenceArray<String> verifyPool = new AtomicReferenceArray<>(VERIFY_POOL);
    private final AtomicLong verifyPoolWrites = new AtomicLong();
    private final List<Learner> learners = new ArrayList<>();

    private volatile String registrarToken;
    private volatile String adminToken;

    /**
     * A learner who reads and shares: their login, their portfolio's size and the active credentials
     * they can share.
     */
    private static final class Learner {
        final String username;
        final List<String> shareable = new ArrayList<>();
        int portfolioSize;
        volatile String token;

        Learner(String username) {
            this.username = username;
        }
    }

    /** A wrong answer: the status and the start of the body, or what else was wrong. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }

        static Failure of(HttpResponse<String> response, String what) {
            String body = response.body().replaceAll("\\s+", " ");
            return new Failure("HTTP " + response.statusCode() + " " + what + ": "
                    + body.substring(0, Math.min(300, body.length())));
        }
    }

    /** A share just made: whose it is, its id (to revoke it) and its secret token (to open its page). */
    record CreatedShare(Learner learner, String id, String token) {}

    SoakTraffic(URI base) {
        this.base = base;
    }

    /** Logs every account in; again every half hour, well within the tokens' hour. */
    void login(ForkedApp app) throws IOException, InterruptedException {
        registrarToken = app.login(REGISTRAR);
        adminToken = app.login(ADMIN);
        for (Learner learner : learners) {
            learner.token = app.login(learner.username);
        }
    }

    /**
     * Gives learners 002 to 020 a login (the demo has one learner account, and one learner sharing
     * at 2 a second would be a learner no school has), then each of the 20 two fresh credentials to
     * share (demo ones may be suspended or revoked, which cannot be shared), and fills the
     * verification pool with their active credentials, so that verifications can start before the
     * first issuance answers.
     */
    void prepare(ForkedApp app) throws Exception {
        registrarToken = app.login(REGISTRAR);
        adminToken = app.login(ADMIN);
        learners.add(new Learner("learner@demo.credfolio.org"));
        for (int n = 2; n <= SOAK_LEARNERS; n++) {
            String username = "soak-learner-%03d@demo.credfolio.org".formatted(n);
            graphql(
                    registrarToken,
                    CREATE_ACCOUNT,
                    Map.of(
                            "i",
                            Map.of(
                                    "learnerId",
                                    learnerId(n),
                                    "username",
                                    username,
                                    "password",
                                    ForkedApp.DEMO_PASSWORD)),
                    "createLearnerAccount");
            learners.add(new Learner(username));
        }
        for (int n = 1; n <= SOAK_LEARNERS; n++) {
            for (int daysAgo = 1; daysAgo <= 2; daysAgo++) {
                graphql(
                        registrarToken,
                        RECORD,
                        Map.of("i", record(learnerId(n), today.minusDays(daysAgo))),
                        "recordEarnedCredential");
            }
        }
        login(app);
        for (Learner learner : learners) {
            JsonNode credentials = graphql(learner.token, PORTFOLIO, Map.of(), "portfolio")
                    .path("me")
                    .path("credentials");
            learner.portfolioSize = credentials.size();
            for (JsonNode credential : credentials) {
                if (credential.path("status").asText().equals("ACTIVE")) {
                    learner.shareable.add(credential.path("id").asText());
                    remember(credential.path("jwt").asText());
                }
            }
            if (learner.shareable.size() < 2) {
                throw new IllegalStateException(
                        learner.username + " has fewer than 2 active credentials: " + credentials);
            }
        }
    }

    /** A random learner's portfolio with every credential's VC-JWT, of the size {@link #prepare} saw. */
    void portfolio() throws Exception {
        Learner learner = anyLearner();
        JsonNode credentials = graphql(learner.token, PORTFOLIO, Map.of(), "portfolio")
                .path("me")
                .path("credentials");
        if (credentials.size() != learner.portfolioSize) {
            throw new Failure(learner.username + "'s portfolio has " + credentials.size() + " credentials, not "
                    + learner.portfolioSize);
        }
    }

    /** Verifies one of the last {@value #VERIFY_POOL} credentials issued, at the VC API endpoint. */
    void verify() throws Exception {
        long written = Math.min(verifyPoolWrites.get(), VERIFY_POOL);
        String jwt = verifyPool.get(ThreadLocalRandom.current().nextInt((int) written));
        HttpResponse<String> response =
                post("/credentials/verify", null, JSON.writeValueAsString(Map.of("verifiableCredential", jwt)));
        if (response.statusCode() != 200 || !response.body().contains("\"verified\":true")) {
            throw Failure.of(response, "verify");
        }
    }

    /**
     * Records tx-ibc-351 for learners 021 to 300 in turn, each time on an earlier date: the same
     * credential on the same date is refused as a duplicate. The demo data's awards are from before
     * September 2025 and these start 10 days ago, so they never meet; a learner gets one every 280
     * issuances, far from the 500 a learner may hold even in a run of many hours.
     */
    void issue() throws Exception {
        long n = issued.getAndIncrement();
        int receivers = DEMO_LEARNERS - SOAK_LEARNERS;
        JsonNode earned = graphql(
                        registrarToken,
                        RECORD,
                        Map.of(
                                "i",
                                record(
                                        learnerId(SOAK_LEARNERS + 1 + (int) (n % receivers)),
                                        today.minusDays(10 + n / receivers))),
                        "recordEarnedCredential")
                .path("recordEarnedCredential");
        if (!earned.path("jwt").isTextual()) {
            throw new Failure("recordEarnedCredential answered no jwt: " + earned);
        }
        remember(earned.path("jwt").asText());
    }

    /** A random learner shares two of their active credentials; it is revoked right after its page is read. */
    CreatedShare createShare() throws Exception {
        Learner learner = anyLearner();
        List<String> two = new ArrayList<>(learner.shareable);
        Collections.shuffle(two, ThreadLocalRandom.current());
        JsonNode created = graphql(
                        learner.token,
                        CREATE_SHARE,
                        Map.of("i", Map.of("earnedCredentialIds", two.subList(0, 2), "audience", "Soak hiring")),
                        "createShare")
                .path("createShare");
        return new CreatedShare(
                learner,
                created.path("share").path("id").asText(),
                created.path("token").asText());
    }

    /** The share's public page, which verifies each credential as it is opened. */
    void openShare(CreatedShare share) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(
                                base.resolve("/shares/" + URLEncoder.encode(share.token(), StandardCharsets.UTF_8)))
                        .timeout(TIMEOUT)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw Failure.of(response, "share page");
        }
    }

    /** Revokes the share: a learner may have at most 100 active ones. */
    void revokeShare(CreatedShare share) throws Exception {
        JsonNode revoked = graphql(share.learner().token, REVOKE_SHARE, Map.of("id", share.id()), "revokeShare")
                .path("revokeShare");
        if (revoked.path("active").asBoolean(true)) {
            throw new Failure("revokeShare left the share active: " + revoked);
        }
    }

    /**
     * A Micrometer meter of the server's JVM from {@code /actuator/metrics} (PLATFORM_ADMIN only), in
     * its base unit; NaN when the server does not answer it.
     */
    double metric(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(base.resolve("/actuator/metrics/" + name))
                        .timeout(TIMEOUT)
                        .header("Authorization", "Bearer " + adminToken)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return Double.NaN;
        }
        // The first measurement: VALUE for a gauge, COUNT for process.cpu.time
        JsonNode measurement =
                JSON.readTree(response.body()).path("measurements").path(0);
        return measurement.path("value").isNumber() ? measurement.path("value").asDouble() : Double.NaN;
    }

    private Learner anyLearner() {
        return learners.get(ThreadLocalRandom.current().nextInt(learners.size()));
    }

    private static String learnerId(int n) {
        return "demo-learner-%03d".formatted(n);
    }

    private void remember(String jwt) {
        verifyPool.set((int) (verifyPoolWrites.getAndIncrement() % VERIFY_POOL), jwt);
    }

    private static Map<String, Object> record(String learnerId, LocalDate earnedOn) {
        return Map.of(
                "learnerId", learnerId, "credentialId", CREDENTIAL, "earnedOn", earnedOn.toString(), "result", "Pass");
    }

    /** Runs a GraphQL document; returns {@code data}, or throws on any error. */
    private JsonNode graphql(String token, String document, Map<String, Object> variables, String what)
            throws Exception {
        HttpResponse<String> response =
                post("/graphql", token, JSON.writeValueAsString(Map.of("query", document, "variables", variables)));
        if (response.statusCode() != 200) {
            throw Failure.of(response, what);
        }
        JsonNode body = JSON.readTree(response.body());
        if (body.path("errors").size() > 0 || !body.path("data").isObject()) {
            throw Failure.of(response, what);
        }
        return body.get("data");
    }

    private HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
