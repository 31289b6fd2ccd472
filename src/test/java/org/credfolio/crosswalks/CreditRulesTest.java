package org.credfolio.crosswalks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Colleges publish and revise credit rules for their own institution; anyone reads them. */
class CreditRulesTest extends IntegrationTest {
    private static final String CREATE =
            "mutation($i: CreditRuleInput!) { createCreditRule(input: $i) { id ruleId version institutionId"
                    + " courseCode credits creditUnit mustBeValid effectiveFrom effectiveUntil credential { name } } }";
    private static final String REVISE = "mutation($r: ID!, $i: CreditRuleInput!) { reviseCreditRule(ruleId: $r,"
            + " input: $i) { id version credits effectiveFrom } }";

    private Tenants.World world;

    @BeforeEach
    void world() {
        world = tenants.create();
    }

    private Map<String, Object> input(String from) {
        Map<String, Object> input = new HashMap<>();
        input.put("credentialId", world.welding().id());
        input.put("courseCode", "WLDG 1428");
        input.put("courseTitle", "Introduction to Shielded Metal Arc Welding");
        input.put("credits", "3");
        input.put("creditUnit", "SEMESTER_HOURS");
        input.put("level", "LOWER_DIVISION");
        input.put("programs", List.of("Welding Technology AAS"));
        input.put("authority", "LOCAL_FACULTY");
        input.put("effectiveFrom", from);
        return input;
    }

    private GraphQlTester.Response create(Tenants.User user, Map<String, Object> input) {
        return as(user).document(CREATE).variable("i", input).execute();
    }

    @Test
    void collegePublishesARuleForItsOwnInstitutionThatAnyoneCanRead() {
        var created = create(world.collegeUser(), input("2026-01-01"));
        created.path("createCreditRule.version").entity(Integer.class).isEqualTo(1);
        created.path("createCreditRule.institutionId")
                .entity(String.class)
                .isEqualTo(world.college().id());
        created.path("createCreditRule.mustBeValid").entity(Boolean.class).isEqualTo(true);
        created.path("createCreditRule.credential.name")
                .entity(String.class)
                .isEqualTo(world.welding().name());

        anonymous()
                .document("query($c: ID!) { credential(id: $c) { creditRules { courseCode credits institutionId } } }")
                .variable("c", world.welding().id())
                .execute()
                .path("credential.creditRules[0].courseCode")
                .entity(String.class)
                .isEqualTo("WLDG 1428");
        anonymous()
                .document(
                        "query($i: ID!) { creditRules(institutionId: $i, first: 10) { edges { node { courseCode } } } }")
                .variable("i", world.college().id())
                .execute()
                .path("creditRules.edges")
                .entityList(Object.class)
                .hasSize(1);
    }

    @Test
    void revisionEndsThePreviousVersionAndKeepsItOnRecord() {
        String ruleId = create(world.collegeUser(), input("2025-08-01"))
                .path("createCreditRule.ruleId")
                .entity(String.class)
                .get();
        Map<String, Object> revised = input("2026-08-01");
        revised.put("credits", "4");
        as(world.collegeUser())
                .document(REVISE)
                .variable("r", ruleId)
                .variable("i", revised)
                .execute()
                .path("reviseCreditRule.version")
                .entity(Integer.class)
                .isEqualTo(2);
        List<Map<String, Object>> versions = anonymous()
                .document("query($c: ID!) { creditRules(credentialId: $c, first: 10) { edges { node {"
                        + " version credits effectiveFrom effectiveUntil } } } }")
                .variable("c", world.welding().id())
                .execute()
                .path("creditRules.edges[*].node")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        assertThat(versions).hasSize(2);
        Map<String, Object> first = versions.stream()
                .filter(v -> v.get("version").equals(1))
                .findFirst()
                .orElseThrow();
        assertThat(first.get("effectiveUntil")).isEqualTo("2026-08-01");

        // A revision must start after the version it replaces.
        as(world.collegeUser())
                .document(REVISE)
                .variable("r", ruleId)
                .variable("i", input("2026-08-01"))
                .execute()
                .errors()
                .expect(e ->
                        "REVISION_MUST_START_LATER".equals(e.getExtensions().get("code")))
                .verify();
    }

    @Test
    void anotherCollegeCannotReviseItAndOtherRolesCannotWriteRules() {
        String ruleId = create(world.collegeUser(), input("2026-01-01"))
                .path("createCreditRule.ruleId")
                .entity(String.class)
                .get();
        Tenants.World other = tenants.create();
        as(other.collegeUser())
                .document(REVISE)
                .variable("r", ruleId)
                .variable("i", input("2026-09-01"))
                .execute()
                .errors()
                .expect(e -> "ACCESS_DENIED".equals(e.getExtensions().get("code")))
                .verify();
        create(world.registrarA(), input("2026-01-01"))
                .errors()
                .expect(e -> "ACCESS_DENIED".equals(e.getExtensions().get("code")))
                .verify();
    }

    @Test
    void badRulesAreRefusedWithTheFieldAtFault() {
        Map<String, Object> outOfOrder = input("2026-01-01");
        outOfOrder.put("effectiveUntil", "2025-12-31");
        expectCode(outOfOrder, "EFFECTIVE_DATES_OUT_OF_ORDER");
        Map<String, Object> lowCap = input("2026-01-01");
        lowCap.put("capPerProgram", "2");
        expectCode(lowCap, "CAP_BELOW_CREDITS");
        Map<String, Object> unknown = input("2026-01-01");
        unknown.put("credentialId", "no-such-credential");
        expectCode(unknown, "CREDENTIAL_NOT_FOUND");
        Map<String, Object> tooMany = input("2026-01-01");
        tooMany.put("credits", "61");
        create(world.collegeUser(), tooMany)
                .errors()
                .expect(e -> "input.credits".equals(e.getExtensions().get("field")))
                .verify();
        assertThat(LocalDate.now()).isNotNull();
    }

    private void expectCode(Map<String, Object> input, String code) {
        create(world.collegeUser(), input)
                .errors()
                .expect(e -> code.equals(e.getExtensions().get("code")))
                .verify();
    }
}
