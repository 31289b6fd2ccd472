package org.credfolio.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Learners set up their own login with a one-time code from their registrar: the code works once,
 * expires, is bound to one learner of the registrar's own organization, and a learner who already
 * had a login gets the new password with every old token ended.
 */
class ClaimCodesTest extends IntegrationTest {
    private static final String CREATE = "mutation($i: ClaimCodesInput!) { createClaimCodes(input: $i) {"
            + " learnerId studentId displayName code expiresAt } }";

    @Autowired
    MongoOperations mongo;

    private Tenants.World world;

    @BeforeEach
    void world() {
        world = tenants.create();
    }

    @Test
    void aCodeSetsUpTheLearnersOwnLoginOnce() {
        String learnerId = newLearnerWithoutLogin();
        Map<String, Object> code = codeFor(learnerId);
        assertThat((String) code.get("code")).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(Instant.parse((String) code.get("expiresAt")))
                .isAfter(Instant.now().plusSeconds(13 * 86_400));
        String username = "ana-" + learnerId + "@students.example";

        // Typed from paper: lower case, without dashes.
        String typed = ((String) code.get("code")).replace("-", "").toLowerCase();
        assertThat(claim(typed, username, "my-own-password-1", 201).get("username"))
                .isEqualTo(username);
        assertThat(loginStatus(username, "my-own-password-1")).isEqualTo(200);

        Map<?, ?> again = claim((String) code.get("code"), "other@students.example", "my-own-password-2", 400);
        assertThat(again.get("error")).isEqualTo("CLAIM_CODE_INVALID");
    }

    @Test
    void aRefusedClaimLeavesTheCodeUsableAndAnExpiredOneIsRefused() {
        String code = (String) codeFor(world.learnerA().id()).get("code");
        assertThat(claim(code, "kim@students.example", "short", 400).get("error"))
                .isEqualTo("BAD_PASSWORD");
        claim(code, "kim-" + world.learnerA().id() + "@students.example", "long-enough-password", 201);

        String expiring = (String) codeFor(world.learnerA().id()).get("code");
        mongo.updateMulti(
                Query.query(Criteria.where("learnerId")
                        .is(world.learnerA().id())
                        .and("usedAt")
                        .is(null)),
                Update.update("expiresAt", Instant.now().minusSeconds(1)),
                "claim_codes");
        assertThat(claim(expiring, "late@students.example", "long-enough-password", 400)
                        .get("error"))
                .isEqualTo("CLAIM_CODE_INVALID");
    }

    @Test
    void redeemingForALearnerWithALoginSetsTheirPasswordAndEndsTheirTokens() {
        String oldToken = login(world.learner());
        String code = (String) codeFor(world.learnerA().id()).get("code");
        claim(code, "ignored@students.example", "a-brand-new-password", 201);
        int status = http().post()
                .uri("/graphql")
                .header("Authorization", "Bearer " + oldToken)
                .bodyValue(Map.of("query", "{ me { id } }"))
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
        assertThat(status).isEqualTo(401);
        assertThat(loginStatus(world.learner().username(), "a-brand-new-password"))
                .isEqualTo(200);
    }

    @Test
    void codesOnlyForLearnersOfTheCallersOwnOrganization() {
        as(world.registrarB())
                .document(CREATE)
                .variable("i", Map.of("learnerIds", List.of(world.learnerA().id())))
                .execute()
                .errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification")))
                .verify();
        List<?> codes = as(world.registrarA())
                .document(CREATE)
                .variable("i", Map.of("schoolId", world.schoolA().id()))
                .execute()
                .path("createClaimCodes")
                .entityList(Object.class)
                .get();
        assertThat(codes).isNotEmpty();
        // Only the hashes are stored.
        assertThat(mongo.findAll(Map.class, "claim_codes").toString())
                .doesNotContain((String) ((Map<?, ?>) codes.get(0)).get("code"));
    }

    private String newLearnerWithoutLogin() {
        return as(world.registrarA())
                .document("mutation($i: LearnerInput!) { createLearner(input: $i) { id } }")
                .variable(
                        "i",
                        Map.of(
                                "schoolId",
                                world.schoolA().id(),
                                "studentId",
                                "CLAIM-"
                                        + java.util.UUID.randomUUID().toString().substring(0, 8),
                                "givenName",
                                "Ana",
                                "familyName",
                                "Claim",
                                "graduationYear",
                                2027))
                .execute()
                .path("createLearner.id")
                .entity(String.class)
                .get();
    }

    private Map<String, Object> codeFor(String learnerId) {
        return as(world.registrarA())
                .document(CREATE)
                .variable("i", Map.of("learnerIds", List.of(learnerId)))
                .execute()
                .path("createClaimCodes[0]")
                .entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }
}
