package org.credfolio.crosswalks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.credfolio.trust.presentation.Presentations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

/** Each path of the advanced-standing rules, on real signed credentials in a real presentation. */
class AdvancedStandingTest extends IntegrationTest {
    private static final String EVALUATE = "query($p: String!, $i: ID!, $g: String, $on: Date) {"
            + " evaluateAdvancedStanding(presentation: $p, institutionId: $i, program: $g, evaluatedOn: $on) {"
            + " presentationVerified grants { credentialId credits rule { courseCode version } }"
            + " denied { credentialId code reason } } }";

    @Autowired
    Presentations presentations;

    private Tenants.World world;

    @BeforeEach
    void world() {
        world = tenants.create();
    }

    @Test
    void grantsWhereARuleAppliesAndSaysWhyNotElsewhere() {
        createCreditRule(world.collegeUser(), world.welding().id(), "WLDG 1428", Map.of());
        String vp = present(
                earn(world.welding().id(), LocalDate.now().minusDays(10), "Pass"),
                earn(world.aPlus().id(), LocalDate.now().minusDays(10), "Pass"));
        Map<String, Object> result = evaluate(vp, world.college().id(), null, null);
        assertThat(result.get("presentationVerified")).isEqualTo(true);
        assertThat(grants(result)).singleElement().satisfies(g -> {
            assertThat(g.get("credentialId")).isEqualTo(world.welding().id());
            assertThat(g.get("credits")).isEqualTo(3);
        });
        assertThat(codes(result)).containsExactly("NO_RULE");
    }

    @Test
    void minimumResultAndRecencyAreApplied() {
        createCreditRule(
                world.collegeUser(),
                world.aPlus().id(),
                "ITSC 1325",
                Map.of("minimumResult", "80", "earnedWithinMonths", 12));
        assertThat(codes(evaluate(
                        present(earn(world.aPlus().id(), LocalDate.now().minusDays(5), "75")),
                        world.college().id(),
                        null,
                        null)))
                .containsExactly("RESULT_BELOW_MINIMUM");
        assertThat(codes(evaluate(
                        present(earn(world.aPlus().id(), LocalDate.now().minusDays(6), "Pass")),
                        world.college().id(),
                        null,
                        null)))
                .containsExactly("NO_RESULT");
        assertThat(codes(evaluate(
                        present(earn(world.aPlus().id(), LocalDate.now().minusMonths(14), "91")),
                        world.college().id(),
                        null,
                        null)))
                .containsExactly("EARNED_TOO_LONG_AGO");
        assertThat(grants(evaluate(
                        present(earn(world.aPlus().id(), LocalDate.now().minusDays(7), "91")),
                        world.college().id(),
                        null,
                        null)))
                .hasSize(1);
    }

    @Test
    void expiredCountsOnlyWhereTheRuleAllowsItAndRevokedOrSuspendedNever() {
        // Welding expires after 6 months.
        String expired = earn(world.welding().id(), LocalDate.now().minusMonths(8), "Pass");
        createCreditRule(world.collegeUser(), world.welding().id(), "WLDG 1428", Map.of());
        assertThat(codes(evaluate(present(expired), world.college().id(), null, null)))
                .containsExactly("EXPIRED");

        Tenants.World other = tenants.create();
        createCreditRule(other.collegeUser(), world.welding().id(), "WLDG 1301", Map.of("mustBeValid", false));
        assertThat(grants(evaluate(present(expired), other.college().id(), null, null)))
                .hasSize(1);

        String awardId = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.welding().id(),
                LocalDate.now().minusDays(3));
        String jwt = jwtOf(awardId);
        change("suspendEarnedCredential", awardId);
        assertThat(codes(evaluate(
                        presentations.present(world.learnerA().id(), List.of(jwt), null, null),
                        world.college().id(),
                        null,
                        null)))
                .containsExactly("NOT_VERIFIED");
        change("revokeEarnedCredential", awardId);
        Map<String, Object> revoked = evaluate(
                presentations.present(world.learnerA().id(), List.of(jwt), null, null),
                world.college().id(),
                null,
                null);
        assertThat(codes(revoked)).containsExactly("NOT_VERIFIED");
        assertThat(revoked.toString()).contains("revoked");
    }

    @Test
    void onlyRulesInEffectOnTheDateAndOfThisCollegeApply() {
        Map<String, Object> window = new HashMap<>();
        window.put("effectiveFrom", "2026-01-01");
        window.put("effectiveUntil", "2026-06-01");
        window.put("programs", List.of("Welding Technology AAS"));
        createCreditRule(world.collegeUser(), world.welding().id(), "WLDG 1428", window);
        String vp = present(earn(world.welding().id(), LocalDate.now().minusDays(10), "Pass"));
        assertThat(codes(evaluate(vp, world.college().id(), null, "2025-12-31")))
                .containsExactly("NO_RULE");
        assertThat(grants(evaluate(vp, world.college().id(), null, "2026-03-01")))
                .hasSize(1);
        assertThat(codes(evaluate(vp, world.college().id(), null, "2026-06-01")))
                .containsExactly("NO_RULE");

        Tenants.World other = tenants.create();
        assertThat(codes(evaluate(vp, other.college().id(), null, "2026-03-01")))
                .containsExactly("NO_RULE");
        assertThat(codes(evaluate(vp, world.college().id(), "Nursing ADN", "2026-03-01")))
                .containsExactly("NO_RULE");
        assertThat(grants(evaluate(vp, world.college().id(), "Welding Technology AAS", "2026-03-01")))
                .hasSize(1);
    }

    @Test
    void aCourseCountsOnceAndTheCapHolds() {
        createCreditRule(world.collegeUser(), world.welding().id(), "CTEC 1000", Map.of());
        createCreditRule(world.collegeUser(), world.aPlus().id(), "CTEC 1000", Map.of());
        String both = present(
                earn(world.welding().id(), LocalDate.now().minusDays(4), "Pass"),
                earn(world.aPlus().id(), LocalDate.now().minusDays(4), "Pass"));
        Map<String, Object> once = evaluate(both, world.college().id(), null, null);
        assertThat(grants(once)).hasSize(1);
        assertThat(codes(once)).containsExactly("COURSE_ALREADY_GRANTED");

        Tenants.World capped = tenants.create();
        createCreditRule(capped.collegeUser(), world.welding().id(), "WLDG 1428", Map.of("capPerProgram", "4"));
        createCreditRule(capped.collegeUser(), world.aPlus().id(), "ITSC 1325", Map.of("capPerProgram", "4"));
        Map<String, Object> result = evaluate(both, capped.college().id(), null, null);
        assertThat(grants(result)).extracting(g -> g.get("credits")).containsExactly(3, 1);
    }

    @Test
    void aTamperedPresentationEarnsNothing() {
        createCreditRule(world.collegeUser(), world.welding().id(), "WLDG 1428", Map.of());
        String vp = present(earn(world.welding().id(), LocalDate.now().minusDays(10), "Pass"));
        String[] parts = vp.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10)
                + (parts[2].charAt(10) == 'A' ? 'B' : 'A') + parts[2].substring(11);
        Map<String, Object> result = evaluate(tampered, world.college().id(), null, null);
        assertThat(result.get("presentationVerified")).isEqualTo(false);
        assertThat(grants(result)).isEmpty();
    }

    @Test
    void aShareLinkStandsForItsPresentation() {
        createCreditRule(world.collegeUser(), world.welding().id(), "WLDG 1428", Map.of());
        earn(world.welding().id(), LocalDate.now().minusDays(10), "Pass");
        String awardId = as(world.learner())
                .document("{ me { credentials { id } } }")
                .execute()
                .path("me.credentials[0].id")
                .entity(String.class)
                .get();
        String token = as(world.learner())
                .document("mutation($i: CreateShareInput!) { createShare(input: $i) { token } }")
                .variable("i", Map.of("earnedCredentialIds", List.of(awardId), "audience", "Admissions"))
                .execute()
                .path("createShare.token")
                .entity(String.class)
                .get();
        String query = "query($t: String, $i: ID!) { evaluateAdvancedStanding(shareToken: $t, institutionId: $i) {"
                + " presentationVerified presentationChecks { name passed reason } grants { credits } denied { code reason } } }";
        var evaluated = anonymous()
                .document(query)
                .variable("t", token)
                .variable("i", world.college().id())
                .execute();
        evaluated
                .path("evaluateAdvancedStanding.grants[0].credits")
                .entity(Integer.class)
                .isEqualTo(3);
        anonymous()
                .document(query)
                .variable("t", "A".repeat(43))
                .variable("i", world.college().id())
                .execute()
                .errors()
                .expect(e -> "SHARE_NOT_FOUND".equals(e.getExtensions().get("code")))
                .verify();
        anonymous()
                .document("query($i: ID!) { evaluateAdvancedStanding(institutionId: $i) { presentationVerified } }")
                .variable("i", world.college().id())
                .execute()
                .errors()
                .expect(e -> "PRESENTATION_OR_SHARE".equals(e.getExtensions().get("code")))
                .verify();
    }

    @Test
    void theCollegeRecordsItsDecisionAndTheLearnerSeesIt() {
        createCreditRule(world.collegeUser(), world.welding().id(), "WLDG 1428", Map.of());
        String vp = present(earn(world.welding().id(), LocalDate.now().minusDays(10), "Pass"));
        String record = "mutation($p: String, $g: String) { recordAdvancedStanding(presentation: $p, program: $g) {"
                + " id institutionId holder grants { courseCode credits ruleVersion } denied { code } } }";
        as(world.collegeUser())
                .document(record)
                .variable("p", vp)
                .variable("g", "Welding Technology AAS")
                .execute()
                .path("recordAdvancedStanding.grants[0].courseCode")
                .entity(String.class)
                .isEqualTo("WLDG 1428")
                .path("recordAdvancedStanding.institutionId")
                .entity(String.class)
                .isEqualTo(world.college().id());
        as(world.learner())
                .document("{ myAdvancedStanding(first: 5) { edges { node { institutionId program grants { courseCode"
                        + " credits } } } } }")
                .execute()
                .path("myAdvancedStanding.edges[0].node.grants[0].credits")
                .entity(Integer.class)
                .isEqualTo(3);
        as(world.registrarA())
                .document(record)
                .variable("p", vp)
                .variable("g", null)
                .execute()
                .errors()
                .expect(e -> "ACCESS_DENIED".equals(e.getExtensions().get("code")))
                .verify();
        String[] parts = vp.split("\\.");
        as(world.collegeUser())
                .document(record)
                .variable("p", parts[0] + "." + parts[1] + ".")
                .variable("g", null)
                .execute()
                .errors()
                .expect(e ->
                        "PRESENTATION_NOT_VERIFIED".equals(e.getExtensions().get("code")))
                .verify();
    }

    private String earn(String credentialId, LocalDate on, String result) {
        String id =
                recordCredential(world.registrarA(), world.learnerA().id(), credentialId, on, Map.of("result", result));
        return jwtOf(id);
    }

    private String jwtOf(String awardId) {
        List<Map<String, Object>> credentials = as(world.registrarA())
                .document("query($id: ID!) { learner(id: $id) { credentials { id jwt } } }")
                .variable("id", world.learnerA().id())
                .execute()
                .path("learner.credentials")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        return credentials.stream()
                .filter(c -> awardId.equals(c.get("id")))
                .map(c -> (String) c.get("jwt"))
                .findFirst()
                .orElseThrow();
    }

    private String present(String... jwts) {
        return presentations.present(world.learnerA().id(), List.of(jwts), null, null);
    }

    private void change(String mutation, String id) {
        as(world.registrarA())
                .document("mutation($i: StatusChangeInput!) { " + mutation + "(input: $i) { id } }")
                .variable("i", Map.of("id", id, "reason", "Checked by the certifying body"))
                .execute()
                .errors()
                .verify();
    }

    private Map<String, Object> evaluate(String vp, String institutionId, String program, String on) {
        return anonymous()
                .document(EVALUATE)
                .variable("p", vp)
                .variable("i", institutionId)
                .variable("g", program)
                .variable("on", on)
                .execute()
                .errors()
                .verify()
                .path("evaluateAdvancedStanding")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> grants(Map<String, Object> result) {
        return (List<Map<String, Object>>) result.get("grants");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> codes(Map<String, Object> result) {
        return ((List<Map<String, Object>>) result.get("denied"))
                .stream().map(d -> d.get("code")).toList();
    }
}
