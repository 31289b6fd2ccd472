package org.credfolio.sharing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** A world with one earned credential of learner A, and helpers to share it and open its page. */
abstract class SharingTestBase extends IntegrationTest {
    static final String CREATE = "mutation($i: CreateShareInput!) { createShare(input: $i) {"
            + " token url share { id audience showName expiresAt revokedAt viewCount active"
            + " createdAt credentials { id recordedAt credential { name } } } } }";

    @Autowired
    MongoOperations mongo;

    Tenants.World world;
    String awardId;

    @BeforeEach
    void earnOne() {
        world = tenants.create();
        awardId = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.welding().id(),
                LocalDate.now().minusDays(10));
    }

    GraphQlTester.Response createShare(Tenants.User user, Map<String, Object> input) {
        return as(user).document(CREATE).variable("i", input).execute();
    }

    /** Shares the given earned credentials as learner A; returns the token. */
    String share(List<String> awardIds) {
        return createShare(world.learner(), input(awardIds))
                .errors()
                .verify()
                .path("createShare.token")
                .entity(String.class)
                .get();
    }

    static Map<String, Object> input(List<String> awardIds) {
        Map<String, Object> input = new HashMap<>();
        input.put("earnedCredentialIds", awardIds);
        input.put("audience", "Acme Manufacturing hiring");
        return input;
    }

    EntityExchangeResult<String> page(String token) {
        return http().get()
                .uri("/shares/" + token)
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }

    void changeStatus(String mutation, String id) {
        as(world.registrarA())
                .document("mutation($i: StatusChangeInput!) { " + mutation + "(input: $i) { id } }")
                .variable("i", Map.of("id", id, "reason", "Checked by the certifying body"))
                .execute()
                .errors()
                .verify();
    }

    /** A one-time challenge from this verifier for the domain, as POST /challenges hands it out. */
    protected String challenge(String domain) {
        Map<?, ?> body = http().post()
                .uri("/challenges")
                .bodyValue(Map.of("domain", domain))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (String) body.get("challenge");
    }
}
