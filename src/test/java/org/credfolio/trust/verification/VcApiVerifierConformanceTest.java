package org.credfolio.trust.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * {@code POST /credentials/verify} as the public test suites drive it: every case of the W3C VC API
 * verifier test suite ({@code published/vc-api-verifier/cases.json}), each mutation applied to a
 * genuine Data Integrity credential of Credfolio, and every enveloped-credential fixture of the VC
 * Data Model 2.0 test suite ({@code published/vc-data-model-2.0/enveloped-vc-cases.json}); then the
 * VCALM request and answer conventions: options, problem details, status codes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VcApiVerifierConformanceTest extends IntegrationTest {
    private static final Path PUBLISHED = Path.of("src/test/resources/published");
    private static final String UNDEFINED = "<undefined";
    private static final Pattern DELETE = Pattern.compile("delete (\\S+)");
    private static final Pattern SET_EACH = Pattern.compile("set (\\S+) to each value in turn");
    private static final Pattern SET_ARRAY = Pattern.compile("set (\\S+) to \\[value] for each value");
    private static final String PROBLEM_JSON = "application/problem+json";

    private String jwt;
    private Map<String, Object> ldp;

    @BeforeAll
    void issue() {
        Tenants.World world = tenants.create();
        recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.welding().id(),
                LocalDate.now().minusDays(10));
        Map<String, Object> earned = as(world.registrarA())
                .document("query($id: ID!) { learner(id: $id) { credentials { jwt ldpCredential } } }")
                .variable("id", world.learnerA().id())
                .execute()
                .errors()
                .verify()
                .path("learner.credentials[0]")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        jwt = (String) earned.get("jwt");
        ldp = copy(earned.get("ldpCredential"));
        assertThat(ldp).containsKeys("@context", "type", "issuer", "credentialSubject", "proof");
    }

    // ---- W3C VC API verifier test suite (w3c-ccg/vc-api-verifier-test-suite, tests/10-vc-di.js) ----

    @TestFactory
    Stream<DynamicTest> everyCaseOfTheVcApiVerifierTestSuite() throws IOException {
        Map<String, Object> manifest = json("vc-api-verifier/cases.json");
        Map<?, ?> requestBody = (Map<?, ?>) manifest.get("requestBody");
        Map<?, ?> options = (Map<?, ?>) requestBody.get("options");
        assertThat(options).isEqualTo(Map.of("checks", List.of("proof")));
        List<?> cases = (List<?>) manifest.get("cases");
        assertThat(cases).hasSize(18);
        List<DynamicTest> tests = new ArrayList<>();
        for (Object item : cases) {
            Map<?, ?> suiteCase = (Map<?, ?>) item;
            String id = (String) suiteCase.get("id");
            List<Integer> expected = ((List<?>) suiteCase.get("expectStatus"))
                    .stream().map(n -> ((Number) n).intValue()).toList();
            for (Map.Entry<String, Map<String, Object>> mutated :
                    mutations(suiteCase).entrySet()) {
                tests.add(DynamicTest.dynamicTest(id + " " + mutated.getKey(), () -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("verifiableCredential", mutated.getValue());
                    body.put("options", options);
                    Answer answer = post("/credentials/verify", JSONObjectUtils.toJSONString(body));
                    assertThat(expected).as(answer.text).contains(answer.status);
                    assertSuiteCase(id, (String) suiteCase.get("mutation"), answer);
                }));
            }
        }
        return tests.stream();
    }

    /**
     * Beyond the suite's 400-or-422: a credential that is not a credential is a 422 naming the
     * property; one that lost {@code proof.created} is still a credential, whose proof no longer
     * holds (400).
     */
    private static void assertSuiteCase(String id, String mutation, Answer answer) {
        if (id.equals("valid")) {
            assertThat(answer.status).as(answer.text).isEqualTo(200);
            assertThat(answer.body.get("verified")).isEqualTo(true);
            assertThat((List<?>) answer.body.get("problemDetails")).isEmpty();
            return;
        }
        assertThat(answer.body.get("verified")).as(answer.text).isEqualTo(false);
        assertThat(answer.contentType).isEqualTo(PROBLEM_JSON);
        assertNoInternals(answer);
        if (id.equals("missing-proof-created")) {
            assertThat(answer.status).as(answer.text).isEqualTo(400);
            assertThat(problemTypes(answer)).contains(VcApiResponses.CHECK_PROBLEM + "signature");
            return;
        }
        assertThat(answer.status).as(answer.text).isEqualTo(422);
        assertThat(answer.body.get("type")).isEqualTo("https://credfolio.org/problems/invalid-credential");
        assertThat(answer.body.get("title")).isEqualTo("Not a verifiable credential");
        assertThat(problemTypes(answer)).containsExactly("https://credfolio.org/problems/invalid-credential");
        String property = mutation.replaceFirst("^(delete|set) (\\S+).*$", "$2");
        assertThat((String) answer.body.get("detail"))
                .as("the reason names the property")
                .contains(property.split("\\."));
    }

    /** The credential after each of the case's mutations, by a label of the value set. */
    private Map<String, Map<String, Object>> mutations(Map<?, ?> suiteCase) {
        String mutation = (String) suiteCase.get("mutation");
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        if (mutation.equals("none")) {
            result.put("(as issued)", copy(ldp));
            return result;
        }
        Matcher delete = DELETE.matcher(mutation);
        Matcher each = SET_EACH.matcher(mutation);
        Matcher array = SET_ARRAY.matcher(mutation);
        if (delete.matches()) {
            Map<String, Object> credential = copy(ldp);
            String[] path = delete.group(1).split("\\.");
            parent(credential, path).remove(path[path.length - 1]);
            result.put("(deleted)", credential);
        } else if (each.matches() || array.matches()) {
            String property = (each.matches() ? each : array).group(1);
            for (Object value : (List<?>) suiteCase.get("values")) {
                boolean undefined = value instanceof String s && s.startsWith(UNDEFINED);
                Map<String, Object> credential = copy(ldp);
                Object set;
                if (each.matches()) {
                    set = value;
                    if (undefined) {
                        credential.remove(property);
                    } else {
                        credential.put(property, value);
                    }
                } else {
                    List<Object> wrapped = new ArrayList<>();
                    wrapped.add(undefined ? null : value);
                    set = wrapped;
                    credential.put(property, wrapped);
                }
                result.put("= " + (undefined && each.matches() ? "undefined" : text(set)), credential);
            }
        } else {
            throw new AssertionError("Mutation not understood: " + mutation);
        }
        return result;
    }

    // ---- W3C VC Data Model 2.0 test suite, enveloped credentials (tests/4.13.2-envelopes.js) ----

    @TestFactory
    Stream<DynamicTest> everyEnvelopedCredentialFixtureAsTheManifestSays() throws IOException {
        List<?> cases =
                (List<?>) json("vc-data-model-2.0/enveloped-vc-cases.json").get("cases");
        List<DynamicTest> tests = new ArrayList<>();
        for (Object item : cases) {
            Map<?, ?> fixture = (Map<?, ?>) item;
            String file = (String) fixture.get("file");
            if (!((String) fixture.get("endpoint")).startsWith("/credentials/verify")) {
                continue;
            }
            boolean accept = fixture.get("expect").equals("accept");
            tests.add(DynamicTest.dynamicTest(file + " with a Credfolio vc+jwt inside", () -> {
                Map<String, Object> envelope = withOurToken(json("vc-data-model-2.0/" + file));
                Answer answer = verify(envelope);
                if (accept) {
                    assertThat(answer.status).as(answer.text).isEqualTo(200);
                    assertThat(answer.body.get("verified")).isEqualTo(true);
                } else {
                    assertNotACredential(answer);
                    assertThat((String) answer.body.get("detail")).contains(namedIn(file));
                }
            }));
            if (!accept) {
                tests.add(DynamicTest.dynamicTest(file + " as published", () -> {
                    Answer answer = verify(json("vc-data-model-2.0/" + file));
                    assertNotACredential(answer);
                    assertThat((String) answer.body.get("detail")).contains(namedIn(file));
                }));
            }
        }
        assertThat(tests).hasSize(11);
        return tests.stream();
    }

    /** What the refusal of an enveloped fixture must name: the property its statement is about. */
    private static String namedIn(String file) {
        if (file.contains("-context-")) {
            return "@context";
        }
        if (file.contains("-id-")) {
            return "data: URL";
        }
        return "EnvelopedVerifiableCredential";
    }

    @Test
    void thePublishedValidEnvelopeIsWellFormedButItsForeignTokenCannotBeVerified() throws IOException {
        // The suite's static ES256 token names no key (kid) of an issuer this verifier knows: the
        // envelope is read (not a 422) and the credential is not verified (400).
        Answer answer = verify(json("vc-data-model-2.0/enveloped-vc-valid.json"));
        assertThat(answer.status).as(answer.text).isEqualTo(400);
        assertThat(answer.body.get("verified")).isEqualTo(false);
        assertThat(answer.body.get("type")).isEqualTo(VcApiResponses.VERIFICATION_FAILED);
        assertThat(checks(answer)).anySatisfy(c -> {
            assertThat(c.get("name")).isEqualTo("parse");
            assertThat(c.get("passed")).isEqualTo(true);
        });
    }

    @Test
    void thePublishedPresentationFixturesAreNotVpJwtsAndAreRefusedAsSuch() throws IOException {
        for (String file :
                List.of("presentation-enveloped-vc-ok.json", "presentation-enveloped-vc-missing-type-fail.json")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("verifiablePresentation", json("vc-data-model-2.0/" + file));
            body.put("options", Map.of("challenge", "123456789"));
            Answer answer = post("/presentations/verify", JSONObjectUtils.toJSONString(body));
            // Unsecured JSON-LD presentations: nothing in them is signed by a holder.
            assertThat(answer.status).as(answer.text).isEqualTo(422);
            assertThat(answer.body.get("type")).isEqualTo("https://credfolio.org/problems/invalid-presentation");
            assertThat((String) answer.body.get("detail")).contains("EnvelopedVerifiablePresentation");
        }
    }

    // ---- VCALM request and answer conventions ----

    @Test
    void dataUrlsOfAnotherMediaTypeAreNotCredentials() {
        Answer direct = verify("data:text/plain," + jwt);
        assertNotACredential(direct);
        assertThat((String) direct.body.get("detail")).contains("text/plain");
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("@context", "https://www.w3.org/ns/credentials/v2");
        envelope.put("type", "EnvelopedVerifiableCredential");
        envelope.put("id", "data:text/plain," + jwt);
        assertNotACredential(verify(envelope));
        envelope.put(
                "id",
                "data:application/vc+jwt;base64,"
                        + java.util.Base64.getEncoder().encodeToString(jwt.getBytes()));
        assertThat(verify(envelope).status).isEqualTo(200);
        for (String mediaType : List.of("application/vc+jwt", "application/jwt", "application/vc-ld+jwt")) {
            assertThat(verify("data:" + mediaType + "," + jwt).body.get("verified"))
                    .as(mediaType)
                    .isEqualTo(true);
        }
    }

    @Test
    void requestsNotOfTheVcApiShapeAre400s() {
        for (String body : List.of(
                "null",
                "[]",
                "\"" + jwt + "\"",
                "42",
                "{}",
                "{\"verifiableCredential\":null}",
                "{\"credential\":{}}")) {
            Answer answer = post("/credentials/verify", body);
            assertThat(answer.status).as(body).isEqualTo(400);
            assertThat(answer.contentType).isEqualTo(PROBLEM_JSON);
            assertThat(answer.body.get("type")).isEqualTo("https://credfolio.org/problems/invalid-request");
            assertThat(answer.body.get("verified")).isEqualTo(false);
            assertThat((List<?>) answer.body.get("problemDetails")).hasSize(1);
            assertNoInternals(answer);
        }
        assertThat((String) post("/credentials/verify", "null").body.get("detail"))
                .contains("JSON object");
        assertThat((String) post("/credentials/verify", "{}").body.get("detail"))
                .contains("verifiableCredential");
        Answer unreadable = post("/credentials/verify", "{\"verifiableCredential\": ");
        assertThat(unreadable.status).isEqualTo(400);
        assertThat(unreadable.body.get("detail")).isEqualTo("The request body is not a JSON object.");
        for (String value : List.of("42", "true", "[]", "\"\"", "\"not a token\"")) {
            assertNotACredential(post("/credentials/verify", "{\"verifiableCredential\":" + value + "}"));
        }
    }

    @Test
    void unknownOptionsAreRefusedByNameAndTheSuitesChecksOptionIsTolerated() {
        Answer unknown = verify(ldp, Map.of("challenge", "123"));
        assertThat(unknown.status).isEqualTo(400);
        assertThat(unknown.contentType).isEqualTo(PROBLEM_JSON);
        assertThat(unknown.body.get("type")).isEqualTo("https://www.w3.org/TR/vcalm#UNKNOWN_OPTION_PROVIDED");
        assertThat((String) unknown.body.get("detail")).contains("\"challenge\"", "returnCredential");
        assertThat(verify(ldp, Map.of("checks", List.of("proof", "status"))).status)
                .isEqualTo(200);
        assertThat(verify(ldp, Map.of()).status).isEqualTo(200);

        Map<String, Object> wrong = new LinkedHashMap<>();
        wrong.put("returnCredential", "yes");
        assertWrongOption(verify(ldp, wrong), "options.returnCredential");
        assertWrongOption(verify(ldp, Map.of("returnProblemDetails", 1)), "options.returnProblemDetails");
        assertWrongOption(verify(ldp, Map.of("checks", "proof")), "options.checks");
        assertWrongOption(verify(ldp, Map.of("checks", List.of(1))), "options.checks");
        assertWrongOption(
                post("/credentials/verify", "{\"verifiableCredential\":\"" + jwt + "\",\"options\":[]}"), "options");
    }

    @Test
    void returnCredentialGivesTheVerifiedCredentialInTheFormItWasVerified() {
        Answer secured = verify(ldp, Map.of("returnCredential", true));
        assertThat(secured.status).isEqualTo(200);
        assertThat(secured.body.get("credential")).isEqualTo(ldp);
        Answer enveloped = verify(org.credfolio.trust.CredentialForms.envelope(jwt), Map.of("returnCredential", true));
        Map<?, ?> content = (Map<?, ?>) enveloped.body.get("credential");
        assertThat(content.get("type")).isEqualTo(ldp.get("type"));
        assertThat(content.get("id")).isEqualTo(ldp.get("id"));
        assertThat(verify(ldp, Map.of()).body).doesNotContainKey("credential");
        assertThat(verify(ldp, Map.of("returnCredential", false)).body).doesNotContainKey("credential");
    }

    @Test
    void returnResultsGivesVcalmsPerStepResults() {
        Answer answer = verify(ldp, Map.of("returnResults", true));
        Map<?, ?> results = (Map<?, ?>) answer.body.get("results");
        List<?> proofs = (List<?>) results.get("proof");
        assertThat(proofs).hasSize(1);
        Map<?, ?> proof = (Map<?, ?>) proofs.get(0);
        assertThat(proof.get("verified")).isEqualTo(true);
        assertThat(proof.get("input")).isEqualTo(ldp.get("proof"));
        assertThat(((Map<?, ?>) results.get("validFrom")).get("verified")).isEqualTo(true);
        List<?> statuses = (List<?>) results.get("credentialStatus");
        assertThat(statuses).isNotEmpty().allSatisfy(s -> {
            assertThat(((Map<?, ?>) s).get("verified")).isEqualTo(true);
            assertThat(((Map<?, ?>) s).get("value")).isEqualTo(0L);
        });
        assertThat(verify(ldp, Map.of()).body).doesNotContainKey("results");
        Map<?, ?> jwtResults =
                (Map<?, ?>) verify(jwt, Map.of("returnResults", true)).body.get("results");
        assertThat(((Map<?, ?>) ((List<?>) jwtResults.get("proof")).get(0))
                        .get("input")
                        .toString())
                .contains("kid");
    }

    @Test
    void aCredentialThatDoesNotVerifyIsA400WithAProblemPerFailedCheck() {
        Map<String, Object> altered = copy(ldp);
        Map<String, Object> subject = copy(altered.get("credentialSubject"));
        subject.put("id", "did:example:someone-else");
        altered.put("credentialSubject", subject);
        Answer answer = verify(altered);
        assertThat(answer.status).as(answer.text).isEqualTo(400);
        assertThat(answer.contentType).isEqualTo(PROBLEM_JSON);
        assertThat(answer.body.get("type")).isEqualTo(VcApiResponses.VERIFICATION_FAILED);
        assertThat(answer.body.get("title")).isEqualTo("Verification failed");
        assertThat(answer.body.get("status")).isEqualTo(400L);
        assertThat((String) answer.body.get("detail")).contains("signature");
        assertThat(answer.body.get("verified")).isEqualTo(false);
        List<?> problems = (List<?>) answer.body.get("problemDetails");
        assertThat(problems).singleElement().satisfies(p -> {
            Map<?, ?> problem = (Map<?, ?>) p;
            assertThat(problem.get("type")).isEqualTo(VcApiResponses.CHECK_PROBLEM + "signature");
            assertThat(problem.get("title")).isEqualTo("Check 'signature' failed");
            assertThat((String) problem.get("detail")).isNotBlank();
        });
        assertThat(checks(answer)).anySatisfy(c -> {
            assertThat(c.get("name")).isEqualTo("signature");
            assertThat(c.get("passed")).isEqualTo(false);
        });
        assertThat(answer.body).containsKey("summary");
        assertNoInternals(answer);

        // A client that accepts only application/json still gets the answer.
        http().post()
                .uri("/credentials/verify")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .bodyValue(Map.of("verifiableCredential", altered))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.verified")
                .isEqualTo(false);

        Map<String, Object> quiet = new LinkedHashMap<>();
        quiet.put("returnProblemDetails", false);
        Answer withoutProblems = verify(altered, quiet);
        assertThat(withoutProblems.status).isEqualTo(400);
        assertThat(withoutProblems.body).doesNotContainKey("problemDetails").containsKey("checks");
    }

    @Test
    void aVerifiedCredentialIsA200WithEveryCheckNamed() {
        for (Object form : List.of(ldp, jwt, org.credfolio.trust.CredentialForms.envelope(jwt))) {
            Answer answer = verify(form);
            assertThat(answer.status).as(answer.text).isEqualTo(200);
            assertThat(answer.contentType).isEqualTo(MediaType.APPLICATION_JSON_VALUE);
            assertThat(answer.body.keySet()).containsExactly("verified", "problemDetails", "checks", "summary");
            assertThat(answer.body.get("verified")).isEqualTo(true);
            assertThat(checks(answer).stream().map(c -> (Object) c.get("name"))).contains("signature", "revocation");
            assertThat(checks(answer))
                    .allSatisfy(c -> assertThat(c.get("passed")).isEqualTo(true));
            assertThat(((Map<?, ?>) answer.body.get("summary")).get("status")).isEqualTo("ACTIVE");
        }
    }

    @Test
    void graphQlStillAnswersInvalidInputWithAFailedParseCheck() {
        var result = anonymous()
                .document(
                        "query($c: String!) { verifyCredential(credential: $c) { verified checks { name passed reason } } }")
                .variable(
                        "c",
                        "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\"]}")
                .execute()
                .errors()
                .verify();
        result.path("verifyCredential.verified").entity(Boolean.class).isEqualTo(false);
        result.path("verifyCredential.checks[0].name").entity(String.class).isEqualTo("parse");
        result.path("verifyCredential.checks[0].reason").entity(String.class).satisfies(r -> assertThat(r)
                .contains("issuer"));
    }

    // ---- helpers ----

    private record Answer(int status, String contentType, String text, Map<String, Object> body) {}

    private Answer verify(Object credential) {
        return verify(credential, null);
    }

    private Answer verify(Object credential, Map<String, Object> options) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verifiableCredential", credential);
        if (options != null) {
            body.put("options", options);
        }
        return post("/credentials/verify", JSONObjectUtils.toJSONString(body));
    }

    private Answer post(String path, String json) {
        EntityExchangeResult<String> result = http().post()
                .uri(path)
                .header("Content-Type", "application/json")
                .bodyValue(json)
                .exchange()
                .expectBody(String.class)
                .returnResult();
        MediaType type = result.getResponseHeaders().getContentType();
        String text = result.getResponseBody();
        try {
            return new Answer(
                    result.getStatus().value(),
                    type == null ? null : type.getType() + "/" + type.getSubtype(),
                    text,
                    JSONObjectUtils.parse(text));
        } catch (java.text.ParseException e) {
            throw new AssertionError("Not a JSON object: " + text, e);
        }
    }

    private static void assertNotACredential(Answer answer) {
        assertThat(answer.status).as(answer.text).isEqualTo(422);
        assertThat(answer.contentType).isEqualTo(PROBLEM_JSON);
        assertThat(answer.body.get("type")).isEqualTo("https://credfolio.org/problems/invalid-credential");
        assertThat(answer.body.get("title")).isEqualTo("Not a verifiable credential");
        assertThat(answer.body.get("status")).isEqualTo(422L);
        assertThat((String) answer.body.get("detail")).isNotBlank();
        assertThat(answer.body.get("verified")).isEqualTo(false);
        assertThat((List<?>) answer.body.get("problemDetails")).hasSize(1);
        assertThat(checks(answer)).singleElement().satisfies(c -> {
            assertThat(c.get("name")).isEqualTo("parse");
            assertThat(c.get("passed")).isEqualTo(false);
            assertThat(c.get("reason")).isEqualTo(answer.body.get("detail"));
        });
        assertNoInternals(answer);
    }

    private static void assertWrongOption(Answer answer, String option) {
        assertThat(answer.status).as(answer.text).isEqualTo(400);
        assertThat(answer.body.get("type")).isEqualTo("https://credfolio.org/problems/invalid-request");
        assertThat((String) answer.body.get("detail")).startsWith(option + " is");
    }

    /** No stack trace, exception or Java class name in any answer. */
    private static void assertNoInternals(Answer answer) {
        assertThat(answer.text).doesNotContain("Exception", "org.credfolio", "java.", "\tat ");
    }

    private static List<Map<?, ?>> checks(Answer answer) {
        List<Map<?, ?>> checks = new ArrayList<>();
        for (Object check : (List<?>) answer.body.get("checks")) {
            checks.add((Map<?, ?>) check);
        }
        return checks;
    }

    private static List<Object> problemTypes(Answer answer) {
        List<Object> types = new ArrayList<>();
        for (Object problem : (List<?>) answer.body.get("problemDetails")) {
            types.add(((Map<?, ?>) problem).get("type"));
        }
        return types;
    }

    /** The fixture with this service's vc+jwt in place of the suite's static token, media type kept. */
    private Map<String, Object> withOurToken(Map<String, Object> envelope) {
        String id = (String) envelope.get("id");
        envelope.put("id", id.substring(0, id.lastIndexOf(',') + 1) + jwt);
        return envelope;
    }

    private static Map<String, Object> json(String file) throws IOException {
        try {
            return JSONObjectUtils.parse(Files.readString(PUBLISHED.resolve(file)));
        } catch (java.text.ParseException e) {
            throw new IOException(file, e);
        }
    }

    /** A deep copy of a JSON object, through its text. */
    private static Map<String, Object> copy(Object object) {
        try {
            return JSONObjectUtils.parse(JSONObjectUtils.toJSONString(cast((Map<?, ?>) object)));
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    /** Any JSON value as text, for a test's name. */
    private static String text(Object value) {
        Map<String, Object> wrapper = new LinkedHashMap<>();
        wrapper.put("v", value);
        String json = JSONObjectUtils.toJSONString(wrapper);
        return json.substring("{\"v\":".length(), json.length() - 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static Map<String, Object> parent(Map<String, Object> document, String[] path) {
        Map<String, Object> node = document;
        for (String step : Arrays.copyOf(path, path.length - 1)) {
            node = cast((Map<?, ?>) node.get(step));
        }
        return node;
    }
}
