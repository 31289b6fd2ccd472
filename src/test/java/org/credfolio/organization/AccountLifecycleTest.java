package org.credfolio.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A built-in account after its creation: disabled, re-enabled, given another role, its password
 * changed; each change ends every token the account holds at the next request, not at expiry.
 */
class AccountLifecycleTest extends IntegrationTest {
    private static final String PASSWORD = "first-password-123";
    private static final String ME = "{ myAccount { id role disabled } }";
    private Tenants.World world;
    private String username;
    private String accountId;

    @BeforeEach
    void staffAccount() {
        world = tenants.create();
        username = "staff-" + java.util.UUID.randomUUID() + "@test.credfolio.org";
        accountId = createAccount(
                world.districtAdminA(),
                username,
                PASSWORD,
                "EDUCATOR",
                world.schoolA().id());
    }

    @Test
    void disablingEndsTokensAtOnceAndStopsSignInUntilEnabled() {
        String token = login(username, PASSWORD);
        assertThat(tokenWorks(token)).isTrue();

        admin("disableAccount")
                .path("disableAccount.disabled")
                .entity(Boolean.class)
                .isEqualTo(true);
        assertThat(tokenWorks(token)).isFalse();
        loginRefused(username, PASSWORD, "disabled");

        admin("enableAccount")
                .path("enableAccount.disabled")
                .entity(Boolean.class)
                .isEqualTo(false);
        assertThat(tokenWorks(token))
                .as("an old token stays refused after enabling")
                .isFalse();
        assertThat(tokenWorks(login(username, PASSWORD))).isTrue();
    }

    @Test
    void changingTheRoleEndsTokensAndTheNextTokenCarriesTheNewRole() {
        String token = login(username, PASSWORD);
        as(world.districtAdminA())
                .document("mutation($id: ID!) { changeAccountRole(id: $id, role: REGISTRAR) { role } }")
                .variable("id", accountId)
                .execute()
                .path("changeAccountRole.role")
                .entity(String.class)
                .isEqualTo("REGISTRAR");
        assertThat(tokenWorks(token)).isFalse();
        bearer(login(username, PASSWORD))
                .document(ME)
                .execute()
                .path("myAccount.role")
                .entity(String.class)
                .isEqualTo("REGISTRAR");
    }

    @Test
    void changingOwnPasswordNeedsTheCurrentOneAndEndsOldTokens() {
        String token = login(username, PASSWORD);
        expectCode(changePassword(token, "not-the-password", "second-password-456"), "WRONG_PASSWORD");
        expectCode(changePassword(token, PASSWORD, "é".repeat(40)), "BAD_PASSWORD");
        assertThat(tokenWorks(token)).as("refused changes end nothing").isTrue();

        changePassword(token, PASSWORD, "second-password-456")
                .path("changePassword")
                .entity(Boolean.class)
                .isEqualTo(true);
        assertThat(tokenWorks(token)).isFalse();
        loginRefused(username, PASSWORD, "Wrong username or password");
        assertThat(tokenWorks(login(username, "second-password-456"))).isTrue();
    }

    @Test
    void adminsManageOnlyOtherAccountsOfTheirOwnDistrictWithinTheirRoles() {
        expectClassification(
                as(world.districtAdminB())
                        .document("mutation($id: ID!) { disableAccount(id: $id) { id } }")
                        .variable("id", accountId)
                        .execute(),
                "FORBIDDEN");
        expectClassification(
                as(world.districtAdminA())
                        .document("mutation($id: ID!) { changeAccountRole(id: $id, role: PLATFORM_ADMIN) { id } }")
                        .variable("id", accountId)
                        .execute(),
                "FORBIDDEN");
        String ownId = as(world.districtAdminA())
                .document(ME)
                .execute()
                .path("myAccount.id")
                .entity(String.class)
                .get();
        expectCode(
                as(world.districtAdminA())
                        .document("mutation($id: ID!) { disableAccount(id: $id) { id } }")
                        .variable("id", ownId)
                        .execute(),
                "OWN_ACCOUNT");
        String learnerAccount = as(world.learner())
                .document(ME)
                .execute()
                .path("myAccount.id")
                .entity(String.class)
                .get();
        expectCode(
                as(world.districtAdminA())
                        .document("mutation($id: ID!) { changeAccountRole(id: $id, role: EDUCATOR) { id } }")
                        .variable("id", learnerAccount)
                        .execute(),
                "LEARNER_ROLE_FIXED");
    }

    private GraphQlTester.Response admin(String mutation) {
        return as(world.districtAdminA())
                .document("mutation($id: ID!) { " + mutation + "(id: $id) { disabled } }")
                .variable("id", accountId)
                .execute();
    }

    private GraphQlTester.Response changePassword(String token, String current, String fresh) {
        return bearer(token)
                .document("mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }")
                .variable("c", current)
                .variable("n", fresh)
                .execute();
    }

    private HttpGraphQlTester bearer(String token) {
        return anonymous().mutate().header("Authorization", "Bearer " + token).build();
    }

    /** Whether the resource server still accepts the token (401 before GraphQL when it does not). */
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

    private void loginRefused(String user, String password, String reason) {
        Map<?, ?> body = http().post()
                .uri("/auth/token")
                .bodyValue(Map.of("username", user, "password", password))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((String) body.get("error_description")).contains(reason);
    }

    private static void expectCode(GraphQlTester.Response response, String code) {
        response.errors()
                .expect(e -> code.equals(e.getExtensions().get("code")))
                .verify();
    }

    private static void expectClassification(GraphQlTester.Response response, String classification) {
        response.errors()
                .expect(e -> classification.equals(e.getExtensions().get("classification")))
                .verify();
    }
}
