package org.credfolio.celebrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.credfolio.learner.Learner;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

class CelebrationPageTest extends CelebrationTestBase {
    @Autowired
    MongoOperations mongo;

    @Test
    void namesOnlyLearnersWhoMayBeNamedAndCountsEveryActiveCredential() {
        // learner A: opted in with a guardian's consent: named.
        optIn(world.learner(), true);
        guardian(world.registrarA(), world.learnerA().id(), true).errors().verify();
        // Opted in, no guardian's consent, not recorded as an adult: not named.
        Learner minor = tenants.learner(world.districtA(), world.schoolA(), "Mina", "Minor");
        optIn(learnerWithLogin(minor), true);
        // Recorded as 18 or older and opted in: named without a guardian.
        Learner grown = tenants.learner(world.districtA(), world.schoolA(), "Gus", "Grownup");
        optIn(learnerWithLogin(grown), true);
        adult(grown.id());
        // Did not opt in (a guardian's consent alone is not enough): counted, not named.
        Learner quiet = tenants.learner(world.districtA(), world.schoolA(), "Quinn", "Quiet");
        guardian(world.districtAdminA(), quiet.id(), true).errors().verify();
        // A name with markup: escaped.
        Learner markup = tenants.learner(world.districtA(), world.schoolA(), "<script>alert(1)</script>", "Zed");
        optIn(learnerWithLogin(markup), true);
        adult(markup.id());
        for (Learner l : List.of(world.learnerA(), minor, grown, quiet, markup)) {
            recordCredential(world.registrarA(), l.id(), world.welding().id(), recently);
        }
        for (int i = 0; i < 12; i++) {
            Learner more = tenants.learner(world.districtA(), world.schoolA(), "Fill" + i, "Er");
            recordCredential(world.registrarA(), more.id(), world.welding().id(), recently);
        }
        // Revoked: not counted. Earned before the range: not counted.
        String revoked =
                recordCredential(world.registrarA(), quiet.id(), world.aPlus().id(), recently);
        as(world.registrarA())
                .document("mutation($i: StatusChangeInput!) { revokeEarnedCredential(input: $i) { id } }")
                .variable("i", Map.of("id", revoked, "reason", "Recorded in error"))
                .execute()
                .errors()
                .verify();
        recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.aPlus().id(),
                LocalDate.now().minusYears(1).minusDays(5));

        String id = publish();
        EntityExchangeResult<String> result = page(id);
        assertThat(result.getStatus().value()).isEqualTo(200);
        HttpHeaders headers = result.getResponseHeaders();
        assertThat(headers.getCacheControl()).contains("no-store");
        assertThat(headers.getFirst("X-Robots-Tag")).contains("noindex");
        assertThat(headers.getFirst("Content-Security-Policy"))
                .startsWith("default-src 'none'; style-src 'sha256-")
                .doesNotContain("script-src", "unsafe-inline");
        String html = result.getResponseBody();

        assertThat(html)
                .contains(
                        "Class of 2027 celebrates",
                        world.districtA().name(),
                        world.schoolA().name())
                .contains("Ana Alvarez", "Gus Grownup", "&lt;script&gt;alert(1)&lt;/script&gt; Zed")
                .doesNotContain(
                        "Mina Minor",
                        "Quinn Quiet",
                        "Fill0 Er",
                        "<script",
                        world.aPlus().name())
                .contains(world.welding().name() + "</td><td class=\"n\">17</td>")
                .contains("<span class=\"n\">17</span>industry-recognized credentials earned")
                .contains("<span class=\"n\">17</span>learners earned at least one")
                .contains("@media print");
        // Sorted by family name: Alvarez, Grownup, Zed.
        assertThat(html.indexOf("Ana Alvarez")).isLessThan(html.indexOf("Gus Grownup"));
        assertThat(html.indexOf("Gus Grownup")).isLessThan(html.indexOf("alert(1)"));
    }

    @Test
    void withdrawingConsentRemovesTheNameOnTheNextRequest() {
        optIn(world.learner(), true);
        guardian(world.registrarA(), world.learnerA().id(), true)
                .path("recordGuardianConsent.mayBeNamed")
                .entity(Boolean.class)
                .isEqualTo(true);
        recordCredential(
                world.registrarA(), world.learnerA().id(), world.welding().id(), recently);
        String id = publish();
        assertThat(shown(id)).contains("Ana Alvarez");

        optIn(world.learner(), false);
        assertThat(shown(id)).doesNotContain("Ana Alvarez");
        optIn(world.learner(), true);
        assertThat(shown(id)).contains("Ana Alvarez");

        // A guardian withdraws, through staff.
        guardian(world.districtAdminA(), world.learnerA().id(), false)
                .path("recordGuardianConsent.mayBeNamed")
                .entity(Boolean.class)
                .isEqualTo(false);
        String html = shown(id);
        assertThat(html).doesNotContain("Ana Alvarez").contains("Fewer than 10");

        // Who decided, and when, is in the audit log; the guardian's name only for the district's staff.
        assertThat(mongo.getCollection("audit_log")
                        .countDocuments(
                                new Document("subjectId", world.learnerA().id())
                                        .append("action", new Document("$regex", "^celebration\\.consent\\."))))
                .isEqualTo(5);
        as(world.registrarA())
                .document("query($l: ID!) { celebrationConsent(learnerId: $l) { optedIn guardianConsent guardianName"
                        + " guardianRecordedAt guardianRecordedBy adult mayBeNamed } }")
                .variable("l", world.learnerA().id())
                .execute()
                .path("celebrationConsent.guardianName")
                .entity(String.class)
                .isEqualTo("Pat Guardian")
                .path("celebrationConsent.optedIn")
                .entity(Boolean.class)
                .isEqualTo(true);
        as(world.learner())
                .document("{ myCelebrationConsent }")
                .execute()
                .path("myCelebrationConsent")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    @Test
    void smallCountsAreShownAsFewerThanTheMinimumCellSize() {
        recordCredential(
                world.registrarA(), world.learnerA().id(), world.welding().id(), recently);
        String html = shown(publish());
        assertThat(html)
                .contains(world.welding().name() + "</td><td class=\"n\">fewer than 10</td>")
                .contains("No learner has chosen to be named")
                .doesNotContain("Ana Alvarez");
    }

    @Test
    void anotherDistrictsAdminCannotPublishForItsSchoolNorAnyoneReadOrRecordItsConsent() {
        assertThat(publish(
                                world.districtAdminB(),
                                world.schoolA().id(),
                                LocalDate.now().minusYears(1),
                                LocalDate.now())
                        .returnResponse()
                        .getErrors())
                .singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "FORBIDDEN"));
        assertThat(as(world.districtAdminB())
                        .document("query($l: ID!) { celebrationConsent(learnerId: $l) { guardianName } }")
                        .variable("l", world.learnerA().id())
                        .execute()
                        .returnResponse()
                        .getErrors())
                .singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "FORBIDDEN"));
        for (Tenants.User user : List.of(world.registrarB(), world.learner(), world.educatorA())) {
            assertThat(guardian(user, world.learnerA().id(), true)
                            .returnResponse()
                            .getErrors())
                    .as(user.role().name())
                    .singleElement()
                    .satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "FORBIDDEN"));
        }
        // Nor list, nor withdraw, district A's celebrations.
        String id = publish();
        assertThat(as(world.districtAdminB())
                        .document("mutation($id: ID!) { withdrawCelebration(id: $id) }")
                        .variable("id", id)
                        .execute()
                        .returnResponse()
                        .getErrors())
                .singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "FORBIDDEN"));
        as(world.districtAdminA())
                .document("query($d: ID!) { celebrations(districtId: $d) { id path school { name } withdrawnAt } }")
                .variable("d", world.districtA().id())
                .execute()
                .path("celebrations[0].id")
                .entity(String.class)
                .isEqualTo(id);
    }

    @Test
    void theDateRangeIsRequiredAndAtMostTwoYears() {
        assertThat(publish(
                                world.districtAdminA(),
                                world.schoolA().id(),
                                LocalDate.now().minusYears(3),
                                LocalDate.now())
                        .returnResponse()
                        .getErrors())
                .singleElement()
                .satisfies(e -> assertThat(e.getExtensions())
                        .containsEntry("classification", "BAD_REQUEST")
                        .containsEntry("code", "DATE_RANGE_TOO_LONG"));
        assertThat(as(world.districtAdminA())
                        .document("mutation { publishCelebration(input: {title: \"x\"}) { id } }")
                        .execute()
                        .returnResponse()
                        .getErrors())
                .isNotEmpty();
    }

    @Test
    void aWithdrawnCelebrationIsGoneAndAnUnknownOneIsNotFound() {
        String id = publish();
        assertThat(page(id).getStatus().value()).isEqualTo(200);
        as(world.districtAdminA())
                .document("mutation($id: ID!) { withdrawCelebration(id: $id) }")
                .variable("id", id)
                .execute()
                .path("withdrawCelebration")
                .entity(Boolean.class)
                .isEqualTo(true);
        EntityExchangeResult<String> gone = page(id);
        assertThat(gone.getStatus().value()).isEqualTo(410);
        assertThat(gone.getResponseBody()).contains("withdrawn").doesNotContain("Class of 2027 celebrates");
        assertThat(gone.getResponseHeaders().getCacheControl()).contains("no-store");
        EntityExchangeResult<String> missing = page("celebration-0000000000000000");
        assertThat(missing.getStatus().value()).isEqualTo(404);
        assertThat(missing.getResponseHeaders().getFirst("Content-Security-Policy"))
                .startsWith("default-src 'none'");
    }
}
