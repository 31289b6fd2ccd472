package org.credfolio.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A district admin resets a password without choosing one: the old password and every token end at
 * once, and the one-time code shown in the answer sets a new password of the user's own, once.
 */
class PasswordResetTest extends IntegrationTest {
    private static final String PASSWORD = "first-password-123";
    private static final String RESET =
            "mutation($id: ID!) { resetPassword(id: $id) {" + " account { id username disabled } code expiresAt } }";
    private static final String ME = "{ myAccount { id } }";

    private Tenants.World world;
    private String username;
    private String accountId;

    @BeforeEach
    void staffAccount() {
        world = tenants.create();
        username = "reset-" + java.util.UUID.randomUUID() + "@test.credfolio.org";
        accountId = createAccount(
                world.districtAdminA(),
                username,
                PASSWORD,
                "EDUCATOR",
                world.schoolA().id());
    }

    @Test
    void aResetEndsTheOldPasswordAndTokensAndItsCodeSetsANewPasswordOnce() {
        String token = login(username, PASSWORD);
        Map<String, Object> reset = reset(world.districtAdminA(), accountId);
        String code = (String) reset.get("code");
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(Instant.parse((String) reset.get("expiresAt")))
                .isBetween(Instant.now().plusSeconds(2 * 86_400), Instant.now().plusSeconds(3 * 86_400 + 60));
        assertThat(((Map<?, ?>) reset.get("account")).get("username")).isEqualTo(username);

        assertThat(tokenWorks(token)).as("old token ends at once").isFalse();
        assertThat(loginStatus(username, PASSWORD))
                .as("old password stops working")
                .isEqualTo(401);

        // A staff account's code sets only that account's password: the username must be its own.
        assertThat(claim(code, "someone-else@test.credfolio.org", "a-new-password-456", 400)
                        .get("error"))
                .isEqualTo("USERNAME_MISMATCH");
        assertThat(claim(code.toLowerCase().replace("-", ""), username.toUpperCase(), "a-new-password-456", 201)
                        .get("username"))
                .isEqualTo(username);
        assertThat(tokenWorks(login(username, "a-new-password-456"))).isTrue();
        assertThat(loginStatus(username, PASSWORD)).isEqualTo(401);

        assertThat(claim(code, username, "a-third-password-789", 400).get("error"))
                .as("the code works once")
                .isEqualTo("CLAIM_CODE_INVALID");
        assertThat(loginStatus(username, "a-third-password-789")).isEqualTo(401);
    }

    @Test
    void aLearnersResetEndsTheirTokensAndEarlierCodesAndTheNewCodeAnswersTheirUsername() {
        String learnerToken = login(world.learner());
        String learnerAccount = as(world.learner())
                .document(ME)
                .execute()
                .path("myAccount.id")
                .entity(String.class)
                .get();
        String earlier = (String) as(world.registrarA())
                .document("mutation($i: ClaimCodesInput!) { createClaimCodes(input: $i) { code } }")
                .variable("i", Map.of("learnerIds", List.of(world.learnerA().id())))
                .execute()
                .path("createClaimCodes[0]")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get()
                .get("code");

        String code = (String) reset(world.platformAdmin(), learnerAccount).get("code");
        assertThat(tokenWorks(learnerToken)).isFalse();
        assertThat(loginStatus(world.learner().username(), world.learner().password()))
                .isEqualTo(401);
        assertThat(claim(earlier, "x@students.example", "a-new-password-456", 400)
                        .get("error"))
                .as("codes issued before the reset stop working")
                .isEqualTo("CLAIM_CODE_INVALID");

        assertThat(claim(code, "forgot-my-username@students.example", "a-new-password-456", 201)
                        .get("username"))
                .isEqualTo(world.learner().username());
        assertThat(tokenWorks(login(world.learner().username(), "a-new-password-456")))
                .isTrue();
    }

    @Test
    void anotherDistrictsAdminCannotResetAndNothingChanges() {
        String token = login(username, PASSWORD);
        expect(resetResponse(world.districtAdminB(), accountId), "classification", "FORBIDDEN");
        assertThat(tokenWorks(token)).isTrue();
        assertThat(loginStatus(username, PASSWORD)).isEqualTo(200);
    }

    @Test
    void learnersRegistrarsAndEducatorsCannotReset() {
        for (Tenants.User caller : List.of(world.learner(), world.registrarA(), world.educatorA())) {
            expect(resetResponse(caller, accountId), "classification", "FORBIDDEN");
        }
        assertThat(loginStatus(username, PASSWORD)).isEqualTo(200);
    }

    @Test
    void unknownOwnAndDisabledAccountsAreRefusedWithACode() {
        expect(resetResponse(world.districtAdminA(), "no-such-account"), "code", "ACCOUNT_NOT_FOUND");
        String own = as(world.districtAdminA())
                .document(ME)
                .execute()
                .path("myAccount.id")
                .entity(String.class)
                .get();
        GraphQlTester.Response ownReset = resetResponse(world.districtAdminA(), own);
        ownReset.errors()
                .expect(e -> "OWN_ACCOUNT".equals(e.getExtensions().get("code"))
                        && e.getMessage().contains("changePassword"))
                .verify();

        as(world.districtAdminA())
                .document("mutation($id: ID!) { disableAccount(id: $id) { id } }")
                .variable("id", accountId)
                .execute()
                .errors()
                .verify();
        expect(resetResponse(world.districtAdminA(), accountId), "code", "ACCOUNT_DISABLED");
    }

    private Map<String, Object> reset(Tenants.User admin, String id) {
        return resetResponse(admin, id)
                .path("resetPassword")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    private GraphQlTester.Response resetResponse(Tenants.User admin, String id) {
        return as(admin).document(RESET).variable("id", id).execute();
    }

    private static void expect(GraphQlTester.Response response, String extension, String value) {
        response.errors()
                .expect(e -> value.equals(e.getExtensions().get(extension)))
                .verify();
        // The field is non-null: a refusal leaves no data at all, so no code.
        response.path("$.data").valueIsNull();
    }

    private boolean tokenWorks(String token) {
        return http().post()
                        .uri("/graphql")
                        .header("Authorization", "Bearer " + token)
                        .bodyValue(Map.of("query", ME))
                        .exchange()
                        .returnResult(String.class)
                        .getStatus()
                        .value()
                == 200;
    }
}
