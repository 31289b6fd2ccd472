package org.credfolio.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.credfolio.shared.store.ForkedApp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the HTTP benchmark's rows need from the server, made through its API as its users make it:
 * 1,000 credentials the registrar records for demo learners 002 to 300 (their JWTs are the cycling
 * tokens, and the first is the sample the minted ones copy; their Data Integrity forms cycle in a
 * row of their own), the demo learner's login and portfolio, and a share link of one of their
 * credentials. The demo learner (001) receives none, so their portfolio keeps its size all run
 * long.
 */
final class HttpFixture {
    static final String PORTFOLIO = "{ me { credentials { jwt credential { name } } } }";
    static final String RECORD =
            "mutation($i: RecordCredentialInput!) { recordEarnedCredential(input: $i) { id jwt } }";
    /** The fixture's own recording also asks for the Data Integrity form; the issuance row does not. */
    private static final String RECORD_BOTH_FORMS =
            "mutation($i: RecordCredentialInput!) { recordEarnedCredential(input: $i) { id jwt ldpCredential } }";

    static final String CREDENTIAL = "tx-ibc-351";
    /** What the share page says of a credential that verified. */
    static final String SHARE_VERIFIED = "Verified";
    /** Issuance goes to learners 002 to 300 in turn, each time one day earlier (see {@link #earnedOn}). */
    static final int FIRST_RECEIVER = 2;

    static final int RECEIVERS = 299;
    /** The demo data's awards are from before September 2025: these start 10 days ago and never meet them. */
    static final int DAYS_BACK = 10;

    private static final String LEARNER = "learner@demo.credfolio.org";
    private static final String REGISTRAR = "registrar@demo.credfolio.org";
    private static final int CYCLING = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalDate today = LocalDate.now();
    private final List<String> cycling = new ArrayList<>();
    private final List<JsonNode> cyclingIntegrity = new ArrayList<>();
    private URI base;
    private String learnerToken;
    private String registrarToken;
    private int portfolioSize;
    private String shareToken;

    /** Before the store is copied: records the cycling credentials, 8 at a time. */
    void issueCycling(ForkedApp app) throws Exception {
        String registrar = app.login(REGISTRAR);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonNode>> issued = new ArrayList<>();
            for (int n = 0; n < CYCLING; n++) {
                int serial = n;
                issued.add(pool.submit(() -> app.graphql(registrar, RECORD_BOTH_FORMS, Map.of("i", record(serial)))
                        .path("recordEarnedCredential")));
            }
            for (Future<JsonNode> recorded : issued) {
                JsonNode credential = recorded.get();
                cycling.add(credential.path("jwt").asText());
                if (!credential.path("ldpCredential").isObject()) {
                    throw new IllegalStateException("A recorded credential has no Data Integrity form: " + credential);
                }
                cyclingIntegrity.add(credential.path("ldpCredential"));
            }
        } finally {
            pool.shutdown();
        }
    }

    /** After the restart: logins, the learner's portfolio and a share of one of their credentials. */
    void prepare(ForkedApp app) throws Exception {
        base = app.baseUri();
        learnerToken = app.login(LEARNER);
        registrarToken = app.login(REGISTRAR);
        JsonNode credentials = app.graphql(learnerToken, "{ me { credentials { id status jwt } } }", Map.of())
                .path("me")
                .path("credentials");
        portfolioSize = credentials.size();
        String shared = null;
        for (JsonNode credential : credentials) {
            if (credential.path("status").asText().equals("ACTIVE")
                    && credential.path("jwt").isTextual()) {
                shared = credential.path("id").asText();
                break;
            }
        }
        if (shared == null) {
            throw new IllegalStateException("The demo learner has no active signed credential: " + credentials);
        }
        shareToken = app.graphql(
                        learnerToken,
                        "mutation($i: CreateShareInput!) { createShare(input: $i) { token } }",
                        Map.of("i", Map.of("earnedCredentialIds", List.of(shared), "audience", "HTTP benchmark")))
                .path("createShare")
                .path("token")
                .asText();
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.resolve(sharePath()))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200 || !page.body().contains(SHARE_VERIFIED)) {
            throw new IllegalStateException(
                    "The share page does not show the credential verified: HTTP " + page.statusCode() + " "
                            + page.body().substring(0, Math.min(500, page.body().length())));
        }
    }

    /** Issuance number {@code n}'s learner and date: a new pair each time, never refused as a duplicate. */
    Map<String, Object> record(long n) {
        return Map.of(
                "learnerId",
                "demo-learner-%03d".formatted(FIRST_RECEIVER + n % RECEIVERS),
                "credentialId",
                CREDENTIAL,
                "earnedOn",
                earnedOn(n).toString(),
                "result",
                "Pass");
    }

    LocalDate earnedOn(long n) {
        return today.minusDays(DAYS_BACK + n / RECEIVERS);
    }

    /** Today at midnight UTC in epoch seconds, for the row script's dates. */
    long todayEpochSecond() {
        return today.toEpochDay() * 86_400;
    }

    /** Issuances made so far by {@link #issueCycling}: the issuance row goes on from there. */
    long issuedSoFar() {
        return cycling.size();
    }

    List<String> cycling() {
        return cycling;
    }

    /** The Data Integrity forms of {@link #cycling}, in the same order. */
    List<JsonNode> cyclingIntegrity() {
        return cyclingIntegrity;
    }

    String learnerToken() {
        return learnerToken;
    }

    String registrarToken() {
        return registrarToken;
    }

    int portfolioSize() {
        return portfolioSize;
    }

    String sharePath() {
        return "/shares/" + URLEncoder.encode(shareToken, StandardCharsets.UTF_8);
    }

    /**
     * Checks that a credential (a VC-JWT, or a Data Integrity credential as JSON) verifies at the
     * server: a wrong mint fails here, not as a row of 400s.
     */
    void assertVerifies(Object credential, String what) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.resolve("/credentials/verify"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        JSON.writeValueAsString(Map.of("verifiableCredential", credential))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"verified\":true")) {
            throw new IllegalStateException(what + " does not verify: HTTP " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
    }
}
