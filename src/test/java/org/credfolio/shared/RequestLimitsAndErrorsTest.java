package org.credfolio.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

class RequestLimitsAndErrorsTest extends IntegrationTest {

    private static void expectCode(GraphQlTester.Response response, String code) {
        response.errors()
                .expect(e -> code.equals(e.getExtensions().get("code")))
                .verify();
    }

    /**
     * The firewall's header checks (made without regular expressions, HeaderCharactersTest) still
     * refuse a control character: here NEL (0x85), which HTTP itself allows as obs-text.
     */
    @Test
    void headerWithAControlCharacterIsRefused() throws Exception {
        String request = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer abc\u0085\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void tooDeepQueryIsRefusedWithCode() {
        String deep =
                "{ organizations { edges { node { district { district { district { district { district { district { district { district { district { name } } } } } } } } } } } } }";
        expectCode(anonymous().document(deep).execute(), "QUERY_TOO_DEEP");
        expectCode(anonymous().document(deep).execute(), "QUERY_TOO_DEEP");
    }

    @Test
    void tooManyAliasesAreRefused() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 25; i++) {
            query.append(" a").append(i).append(": occupation(socCode: \"51-4121\") { title }");
        }
        expectCode(anonymous().document(query + " }").execute(), "TOO_MANY_ALIASES");
        expectCode(anonymous().document(query + " }").execute(), "TOO_MANY_ALIASES");
    }

    @Test
    void tooComplexQueryIsRefused() {
        String page =
                "credentials(first: 100) { edges { node { name stacksInto { name occupations { title socCode jobZone } } } } }";
        String wide = "{ a: " + page + " b: " + page + " c: " + page + " d: " + page + " e: " + page + " f: " + page
                + " g: " + page + " h: " + page + " }";
        expectCode(anonymous().document(wide).execute(), "QUERY_TOO_COMPLEX");
        // The second time the parsed document comes from the cache: still refused.
        expectCode(anonymous().document(wide).execute(), "QUERY_TOO_COMPLEX");

        // One operation whose variable sets its cost: passing once never lets a costlier one through.
        String byVariable = "query($n: Int) " + wide.replace("first: 100", "first: $n");
        anonymous().document(byVariable).variable("n", 1).execute().errors().verify();
        expectCode(anonymous().document(byVariable).variable("n", 100).execute(), "QUERY_TOO_COMPLEX");
    }

    @Test
    void oversizedDocumentIsRefused() {
        String padded = "{ organizations(first: 1) { edges { node { name } } } }" + " ".repeat(25_000);
        expectCode(anonymous().document(padded).execute(), "DOCUMENT_TOO_LARGE");
    }

    @Test
    void pageSizeAboveMaximumIsRefusedWithField() {
        anonymous()
                .document("{ credentials(first: 1000) { edges { node { name } } } }")
                .execute()
                .errors()
                .expect(e -> "PAGE_SIZE_OUT_OF_RANGE".equals(e.getExtensions().get("code"))
                        && "first".equals(e.getExtensions().get("field")));
    }

    @Test
    void forgedOrForeignCursorIsABadRequest() {
        expectCode(
                anonymous()
                        .document("{ credentials(first: 1, after: \"not-a-cursor\") { edges { node { name } } } }")
                        .execute(),
                "INVALID_CURSOR");
        String orgCursor = anonymous()
                .document("{ organizations(first: 1) { pageInfo { endCursor } } }")
                .execute()
                .path("organizations.pageInfo.endCursor")
                .entity(String.class)
                .get();
        Tenants.World world = tenants.create();
        expectCode(
                as(world.registrarA())
                        .document("query($c: String) { learners(first: 1, after: $c) { edges { node { id } } } }")
                        .variable("c", orgCursor)
                        .execute(),
                "INVALID_CURSOR");
    }

    @Test
    void introspectionIsOffOutsideDevelopment() {
        anonymous()
                .document("{ __schema { types { name } } }")
                .execute()
                .errors()
                .expect(e -> e.getMessage().toLowerCase().contains("introspection"))
                .verify();
    }

    @Test
    void missingAndMalformedInputIsNamedByField() {
        Tenants.World world = tenants.create();
        String create = "mutation($i: LearnerInput!) { createLearner(input: $i) { id } }";
        as(world.registrarA())
                .document(create)
                .variable(
                        "i",
                        Map.of(
                                "schoolId",
                                world.schoolA().id(),
                                "studentId",
                                "bad\u0007id",
                                "givenName",
                                " ",
                                "familyName",
                                "X",
                                "graduationYear",
                                1990))
                .execute()
                .errors()
                .expect(e -> "BAD_FORMAT".equals(e.getExtensions().get("code"))
                        && "input.studentId".equals(e.getExtensions().get("field")))
                .expect(e -> "REQUIRED".equals(e.getExtensions().get("code"))
                        && "input.givenName".equals(e.getExtensions().get("field")))
                .expect(e -> "OUT_OF_RANGE".equals(e.getExtensions().get("code"))
                        && "input.graduationYear".equals(e.getExtensions().get("field")))
                .verify();
        as(world.learner())
                .document("{ me { learnerOnly } }")
                .execute()
                .errors()
                .expect(e -> "ValidationError".equals(e.getExtensions().get("classification"))
                        || e.getErrorType().toString().equals("ValidationError"))
                .verify();
    }

    @Test
    void duplicateStudentIdInDistrictIsAConflict() {
        Tenants.World world = tenants.create();
        String create = "mutation($i: LearnerInput!) { createLearner(input: $i) { id } }";
        Map<String, Object> input = Map.of(
                "schoolId",
                world.schoolA().id(),
                "studentId",
                "DUP-1",
                "givenName",
                "Kim",
                "familyName",
                "Lee",
                "graduationYear",
                2027);
        as(world.registrarA())
                .document(create)
                .variable("i", input)
                .execute()
                .path("createLearner.id")
                .hasValue();
        expectCode(as(world.registrarA()).document(create).variable("i", input).execute(), "STUDENT_ID_TAKEN");
    }

    @Test
    void tokenEndpointAnswersOAuthErrorsWithoutInternals() {
        Tenants.World world = tenants.create();
        http().post()
                .uri("/auth/token")
                .bodyValue(Map.of("username", world.registrarA().username(), "password", "wrong"))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("Cache-Control", "no-store")
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid_grant");
        http().post()
                .uri("/auth/token")
                .bodyValue(Map.of("username", "x"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid_request");
        String body = http().post()
                .uri("/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{not json")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(body).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void tokenFromLoginIsAcceptedAndForgedTokenIsRejected() {
        Tenants.World world = tenants.create();
        as(world.registrarA())
                .document("{ myAccount { username role organization { name } } }")
                .execute()
                .path("myAccount.role")
                .entity(String.class)
                .isEqualTo("REGISTRAR")
                .path("myAccount.organization.name")
                .entity(String.class)
                .isEqualTo(world.districtA().name());
        String token = login(world.registrarA());
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];
        http().post()
                .uri("/graphql")
                .header("Authorization", "Bearer " + forged)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ myAccount { username } }"))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("INVALID_TOKEN")
                .jsonPath("$.detail")
                .value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .contains("Sign in again"));
        // No token at all on a path that needs one says so too.
        http().get()
                .uri("/me/credentials/x/badge.png")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void healthIsPublicWithoutDetailsAndMetricsNeedPlatformAdmin() {
        http().get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components")
                .doesNotExist();
        http().get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
        Tenants.World world = tenants.create();
        http().get()
                .uri("/actuator/metrics")
                .header("Authorization", "Bearer " + login(world.registrarA()))
                .exchange()
                .expectStatus()
                .isForbidden();
        http().get()
                .uri("/actuator/health")
                .header("Authorization", "Bearer " + login(world.platformAdmin()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.mongo.status")
                .isEqualTo("UP");
    }
}
