package org.credfolio.awards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The W3C VC API issue endpoint, for registrars' VC API clients. */
class VcApiIssueTest extends IntegrationTest {
    private Tenants.World world;

    @BeforeEach
    void world() {
        world = tenants.create();
    }

    private Map<String, Object> request(String learnerId, String earnedOn) {
        return Map.of(
                "credential",
                Map.of(
                        "@context", List.of("https://www.w3.org/ns/credentials/v2"),
                        "type", List.of("VerifiableCredential", "OpenBadgeCredential"),
                        "validFrom", earnedOn + "T00:00:00Z",
                        "credentialSubject",
                                Map.of(
                                        "id", "did:web:localhost%3A8080:learners:" + learnerId,
                                        "achievement",
                                                Map.of(
                                                        "id",
                                                        "urn:credfolio:achievement:"
                                                                + world.welding()
                                                                        .id()),
                                        "result", List.of(Map.of("value", "92")))),
                "options",
                Map.of());
    }

    private WebTestClient.ResponseSpec post(Tenants.User user, Object body) {
        WebTestClient.RequestBodySpec spec = http().post().uri("/credentials/issue");
        if (user != null) {
            spec = spec.header("Authorization", "Bearer " + login(user));
        }
        return spec.bodyValue(body).exchange();
    }

    @Test
    void registrarIssuesAVerifiableCredentialOnceEvenWhenAskedTwice() {
        String earned = LocalDate.now().minusDays(2).toString();
        Map<?, ?> first = post(world.registrarA(), request(world.learnerA().id(), earned))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Map<?, ?> enveloped = (Map<?, ?>) first.get("verifiableCredential");
        assertThat(enveloped.get("type")).isEqualTo("EnvelopedVerifiableCredential");
        assertThat((String) enveloped.get("id")).startsWith("data:application/vc+jwt,ey");

        Map<?, ?> again = post(world.registrarA(), request(world.learnerA().id(), earned))
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(again).isEqualTo(first);

        Map<?, ?> verified = http().post()
                .uri("/credentials/verify")
                .bodyValue(Map.of("verifiableCredential", enveloped))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(verified.get("verified")).as(String.valueOf(verified)).isEqualTo(true);
    }

    @Test
    void onlyARegistrarOfTheLearnersOrganizationMayIssue() {
        String earned = LocalDate.now().minusDays(2).toString();
        post(null, request(world.learnerA().id(), earned)).expectStatus().isUnauthorized();
        post(world.learner(), request(world.learnerA().id(), earned))
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("FORBIDDEN");
        post(world.registrarB(), request(world.learnerA().id(), earned))
                .expectStatus()
                .isForbidden();
    }

    @Test
    void badRequestsAreRefusedWithTheFieldAtFault() {
        post(world.registrarA(), Map.of("credential", "x"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("credential");
        post(world.registrarA(), request(world.learnerA().id(), "yesterday"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("credential.validFrom");
        post(
                        world.registrarA(),
                        request(
                                world.learnerA().id(),
                                LocalDate.now().plusDays(5).toString()))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("earnedOn");
    }
}
