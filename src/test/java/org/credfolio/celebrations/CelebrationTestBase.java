package org.credfolio.celebrations;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.credfolio.learner.Learner;
import org.credfolio.shared.security.Role;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** A world of district A's school with learners, and helpers for consent, publishing and the page. */
abstract class CelebrationTestBase extends IntegrationTest {
    protected Tenants.World world;
    protected final LocalDate recently = LocalDate.now().minusDays(10);

    @BeforeEach
    void createWorld() {
        world = tenants.create();
    }

    /** A new learner of school A with a login of their own. */
    protected Tenants.User learnerWithLogin(Learner learner) {
        String username = "celebrant-" + UUID.randomUUID() + "@test.credfolio.org";
        String password = "a-long-password-" + UUID.randomUUID();
        as(world.registrarA())
                .document("mutation($i: CreateLearnerAccountInput!) { createLearnerAccount(input: $i) { id } }")
                .variable("i", Map.of("learnerId", learner.id(), "username", username, "password", password))
                .execute()
                .errors()
                .verify();
        return new Tenants.User(
                username, password, Role.LEARNER, world.schoolA().id());
    }

    protected void optIn(Tenants.User learner, boolean consent) {
        as(learner)
                .document("mutation($c: Boolean!) { setCelebrationConsent(consent: $c) }")
                .variable("c", consent)
                .execute()
                .path("setCelebrationConsent")
                .entity(Boolean.class)
                .isEqualTo(consent);
    }

    protected GraphQlTester.Response guardian(Tenants.User staff, String learnerId, boolean granted) {
        return as(staff)
                .document("mutation($l: ID!, $g: Boolean!) { recordGuardianConsent(learnerId: $l, granted: $g,"
                        + " guardianName: \"Pat Guardian\") { learnerId guardianConsent mayBeNamed } }")
                .variable("l", learnerId)
                .variable("g", granted)
                .execute();
    }

    protected void adult(String learnerId) {
        as(world.registrarA())
                .document("mutation($l: ID!) { recordLearnerIsAdult(learnerId: $l, adult: true) { adult } }")
                .variable("l", learnerId)
                .execute()
                .path("recordLearnerIsAdult.adult")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    /** Publishes a celebration of school A's class of 2027 for the last year, as district A's admin. */
    protected String publish() {
        return publish(
                        world.districtAdminA(),
                        world.schoolA().id(),
                        LocalDate.now().minusYears(1),
                        LocalDate.now())
                .path("publishCelebration.id")
                .entity(String.class)
                .get();
    }

    protected GraphQlTester.Response publish(Tenants.User admin, String schoolId, LocalDate from, LocalDate to) {
        return as(admin)
                .document("mutation($i: PublishCelebrationInput!) { publishCelebration(input: $i) { id path } }")
                .variable(
                        "i",
                        Map.of(
                                "title",
                                "Class of 2027 celebrates",
                                "schoolId",
                                schoolId,
                                "graduationYear",
                                2027,
                                "earnedFrom",
                                from.toString(),
                                "earnedTo",
                                to.toString()))
                .execute();
    }

    protected EntityExchangeResult<String> page(String id) {
        return http().get()
                .uri("/celebrations/" + id)
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }

    protected String shown(String id) {
        EntityExchangeResult<String> result = page(id);
        if (result.getStatus().value() != 200) {
            throw new AssertionError("status " + result.getStatus() + ": " + result.getResponseBody());
        }
        return result.getResponseBody();
    }
}
