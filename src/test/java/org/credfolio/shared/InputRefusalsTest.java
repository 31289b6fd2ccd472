package org.credfolio.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

/**
 * Input an attacker (or a careless client) sends must be refused with a code and, where there is
 * one, the field at fault: never a 500, never INTERNAL_ERROR, never a Java class name.
 */
class InputRefusalsTest extends IntegrationTest {

    /** Every error the response holds, checked for what a client must never see. */
    private static List<ResponseError> errors(GraphQlTester.Response response) {
        List<ResponseError> errors = new java.util.ArrayList<>();
        response.errors().satisfy(errors::addAll);
        assertThat(errors).isNotEmpty();
        for (ResponseError error : errors) {
            assertThat(error.getExtensions().get("code")).isNotEqualTo("INTERNAL_ERROR");
            assertThat(error.getMessage())
                    .doesNotContain("java.")
                    .doesNotContain("LinkedHashMap")
                    .doesNotContain("ArrayList")
                    .doesNotContain("Exception");
        }
        return errors;
    }

    private static void expect(GraphQlTester.Response response, String code, String field) {
        assertThat(errors(response))
                .as("an error with code %s and field %s", code, field)
                .anyMatch(e -> code.equals(e.getExtensions().get("code"))
                        && java.util.Objects.equals(field, e.getExtensions().get("field")));
    }

    private HttpResponse<String> chunked(String path, String contentType, byte[] body) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // ofInputStream declares no length: the body goes chunked, as the attacker's did.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void chunkedBodyOverOneMebibyteIsRefusedWith413() throws Exception {
        byte[] big = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        for (String path : List.of("/credentials/verify", "/graphql")) {
            HttpResponse<String> response = chunked(path, "application/json", big);
            assertThat(response.statusCode()).as(path).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.body()).contains("\"code\":\"REQUEST_TOO_LARGE\"");
        }
    }

    @Test
    void chunkedBodyWithinTheLimitStillWorks() throws Exception {
        HttpResponse<String> response = chunked(
                "/graphql",
                "application/json",
                "{\"query\":\"{ organizations(first: 1) { edges { node { name } } } }\"}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"organizations\"").doesNotContain("\"errors\"");
    }

    @Test
    void graphQlBodyThatIsNoObjectIsABadRequest() {
        for (String body : List.of("null", "[]", "42", "\"text\"", "{}", "{\"query\": null}")) {
            String answer = http().post()
                    .uri("/graphql")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(answer).as(body).contains("INVALID_REQUEST").doesNotContain("Exception");
        }
    }

    @Test
    void nulCharacterInSearchFiltersIsRefusedByField() {
        expect(
                anonymous()
                        .document(
                                "query($f: CredentialFilter) { credentials(first: 5, filter: $f) { edges { node { id } } } }")
                        .variable("f", Map.of("nameContains", "weld\u0000ing"))
                        .execute(),
                "BAD_FORMAT",
                "filter.nameContains");
        Tenants.World world = tenants.create();
        expect(
                as(world.registrarA())
                        .document(
                                "query($f: LearnerFilter) { learners(first: 5, filter: $f) { edges { node { id } } } }")
                        .variable("f", Map.of("namePrefix", "ga\u0000"))
                        .execute(),
                "BAD_FORMAT",
                "filter.namePrefix");
    }

    @Test
    void explicitNullAlgorithmIsRefusedByField() {
        Tenants.World world = tenants.create();
        expect(
                as(world.districtAdminA())
                        .document("mutation($o: ID!) { rotateIssuerKey(organizationId: $o, algorithm: null) { kid } }")
                        .variable("o", world.districtA().id())
                        .execute(),
                "REQUIRED",
                "algorithm");
    }

    private Map<String, Object> creditRule(Tenants.World world) {
        Map<String, Object> input = new HashMap<>();
        input.put("credentialId", world.welding().id());
        input.put("courseCode", "WLDG 1428");
        input.put("courseTitle", "Introduction to Shielded Metal Arc Welding");
        input.put("credits", "3");
        input.put("creditUnit", "SEMESTER_HOURS");
        input.put("level", "LOWER_DIVISION");
        input.put("authority", "LOCAL_FACULTY");
        input.put("effectiveFrom", "2026-01-01");
        return input;
    }

    @Test
    void absurdNumbersAreRefusedByField() {
        Tenants.World world = tenants.create();
        for (String number : List.of("1E-999999999", "1E+999999999", "1e400")) {
            Map<String, Object> input = creditRule(world);
            input.put("minimumResult", number);
            expect(
                    as(world.collegeUser())
                            .document("mutation($i: CreditRuleInput!) { createCreditRule(input: $i) { id } }")
                            .variable("i", input)
                            .execute(),
                    "INVALID_VALUE",
                    "input.minimumResult");
        }
    }

    @Test
    void passwordsOverSeventyTwoBytesAreRefusedNotTruncated() {
        Tenants.World world = tenants.create();
        // 40 characters, 80 bytes in UTF-8: within the character limit, over BCrypt's.
        String longPassword = "é".repeat(40);
        expect(
                as(world.platformAdmin())
                        .document("mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }")
                        .variable(
                                "i",
                                Map.of(
                                        "username",
                                        "long-" + System.nanoTime() + "@example.org",
                                        "password",
                                        longPassword,
                                        "role",
                                        "REGISTRAR",
                                        "organizationId",
                                        world.schoolA().id()))
                        .execute(),
                "BAD_PASSWORD",
                "input.password");
        expect(
                as(world.registrarA())
                        .document("mutation($i: CreateLearnerAccountInput!) { createLearnerAccount(input: $i) { id } }")
                        .variable(
                                "i",
                                Map.of(
                                        "learnerId",
                                        world.learnerA().id(),
                                        "username",
                                        "long-" + System.nanoTime() + "@example.org",
                                        "password",
                                        longPassword))
                        .execute(),
                "BAD_PASSWORD",
                "input.password");
        expect(
                as(world.registrarA())
                        .document("mutation($c: String!, $n: String!) { changePassword(currentPassword: $c,"
                                + " newPassword: $n) }")
                        .variable("c", longPassword)
                        .variable("n", "a-fine-new-password")
                        .execute(),
                "WRONG_PASSWORD",
                "currentPassword");
        // Signing in with such a password is a wrong password, not a failure.
        assertThat(loginStatus(world.registrarA().username(), longPassword)).isEqualTo(401);
    }

    @Test
    void wrongTypedVariablesAreNamedInPlainWords() {
        Tenants.World world = tenants.create();
        String record = "mutation($i: RecordCredentialInput!) { recordEarnedCredential(input: $i) { id } }";
        Map<String, Object> input = new HashMap<>();
        input.put("learnerId", world.learnerA().id());
        input.put("credentialId", world.welding().id());
        input.put("earnedOn", Map.of("year", 2025));
        List<ResponseError> errors = errors(
                as(world.registrarA()).document(record).variable("i", input).execute());
        assertThat(errors)
                .anyMatch(e -> "INVALID_VALUE".equals(e.getExtensions().get("code"))
                        && "input.earnedOn".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("a date like 2025-06-01"));
        input.put("earnedOn", "June 1st");
        expect(
                as(world.registrarA()).document(record).variable("i", input).execute(),
                "INVALID_VALUE",
                "input.earnedOn");
        input.put("earnedOn", "2025-06-01");
        input.put("examFee", List.of(1, 2));
        expect(
                as(world.registrarA()).document(record).variable("i", input).execute(),
                "INVALID_VALUE",
                "input.examFee");
        expect(
                anonymous()
                        .document("query($n: Int) { credentials(first: $n) { edges { node { id } } } }")
                        .variable("n", Map.of("a", 1))
                        .execute(),
                "INVALID_VALUE",
                "first");
    }

    @Test
    void implausibleDatesAreRefusedByField() {
        Tenants.World world = tenants.create();
        String record = "mutation($i: RecordCredentialInput!) { recordEarnedCredential(input: $i) { id } }";
        Map<String, Object> input = new HashMap<>();
        input.put("learnerId", world.learnerA().id());
        input.put("credentialId", world.welding().id());
        input.put("earnedOn", "0001-01-01");
        expect(
                as(world.registrarA()).document(record).variable("i", input).execute(),
                "DATE_OUT_OF_RANGE",
                "input.earnedOn");
        // Written into the document rather than sent as a variable: the same refusal.
        expect(
                as(world.registrarA())
                        .document("mutation { recordEarnedCredential(input: {learnerId: \"x\", credentialId: \"y\","
                                + " earnedOn: \"0001-01-01\"}) { id } }")
                        .execute(),
                "DATE_OUT_OF_RANGE",
                "input.earnedOn");
        input.put("earnedOn", "1989-12-31");
        expect(
                as(world.registrarA()).document(record).variable("i", input).execute(),
                "DATE_OUT_OF_RANGE",
                "input.earnedOn");
        input.put("earnedOn", LocalDate.now().plusDays(3).toString());
        expect(
                as(world.registrarA()).document(record).variable("i", input).execute(),
                "DATE_IN_FUTURE",
                "input.earnedOn");
        input.put("earnedOn", "2024-06-01");
        input.put("expiresOn", "2124-06-01");
        expect(
                as(world.registrarA()).document(record).variable("i", input).execute(),
                "DATE_OUT_OF_RANGE",
                "input.expiresOn");
        input.put("expiresOn", "9999-12-31");
        expect(
                as(world.registrarA()).document(record).variable("i", input).execute(),
                "DATE_OUT_OF_RANGE",
                "input.expiresOn");

        Map<String, Object> rule = creditRule(world);
        rule.put("effectiveFrom", "0001-01-01");
        expect(
                as(world.collegeUser())
                        .document("mutation($i: CreditRuleInput!) { createCreditRule(input: $i) { id } }")
                        .variable("i", rule)
                        .execute(),
                "DATE_OUT_OF_RANGE",
                "input.effectiveFrom");
        expect(
                as(world.districtAdminA())
                        .document("mutation($i: PublishCelebrationInput!) { publishCelebration(input: $i) { id } }")
                        .variable(
                                "i",
                                Map.of("title", "Class of 2026", "earnedFrom", "0001-01-01", "earnedTo", "2025-01-01"))
                        .execute(),
                "DATE_OUT_OF_RANGE",
                "input.earnedFrom");
    }
}
