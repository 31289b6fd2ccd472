package org.credfolio.verifypage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.ObjectMapper;

/** A world with one earned credential of learner A, its two signed forms, and helpers to post to /verify. */
abstract class VerifyPageTestBase extends IntegrationTest {
    Tenants.World world;
    String awardId;
    String jwt;
    String ldpJson;

    @BeforeEach
    void earnOne() {
        world = tenants.create();
        awardId = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.welding().id(),
                LocalDate.now().minusDays(10));
        List<Map<String, Object>> credentials = as(world.learner())
                .document("{ me { credentials { id jwt ldpCredential } } }")
                .execute()
                .path("me.credentials")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        Map<String, Object> earned = credentials.stream()
                .filter(c -> awardId.equals(c.get("id")))
                .findFirst()
                .orElseThrow();
        jwt = (String) earned.get("jwt");
        ldpJson = new ObjectMapper().writeValueAsString(earned.get("ldpCredential"));
    }

    /** POST /verify with the credential form-encoded, as a browser without the file field would. */
    EntityExchangeResult<String> paste(String credential) {
        return http().post()
                .uri("/verify")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("credential", credential))
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }
}
