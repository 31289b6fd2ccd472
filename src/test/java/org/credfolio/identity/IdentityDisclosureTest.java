package org.credfolio.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationType;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.credfolio.trust.presentation.Presentations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Issue 18: a learner discloses chosen identity fields to one college, the district vouches for
 * them, and the college's evaluation and decision carry them only when they verify.
 */
class IdentityDisclosureTest extends IntegrationTest {
    private static final String DISCLOSE = "mutation($i: DiscloseIdentityInput!) { discloseIdentity(input: $i) {"
            + " id audienceId fields credentialJwt stoppedAt } }";
    private static final String RECORD = "mutation($t: String, $p: String) {"
            + " recordAdvancedStanding(shareToken: $t, presentation: $p) { id holder grants { courseCode }"
            + " identity { displayName legalName dateOfBirth studentId graduationYear vouchedBy disclosureId } } }";
    private static final String EVALUATE = "query($p: String!, $i: ID!) {"
            + " evaluateAdvancedStanding(presentation: $p, institutionId: $i) { presentationVerified"
            + " grants { credentialId } denied { code } identity { legalName } identityChecks { name passed reason } } }";

    @Autowired
    Presentations presentations;

    @Autowired
    MongoOperations mongo;

    private Tenants.World world;
    private String awardId;

    @BeforeEach
    void world() {
        world = tenants.create();
        createCreditRule(world.collegeUser(), world.welding().id(), "WLDG 1428", Map.of());
        awardId = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.welding().id(),
                LocalDate.now().minusDays(5));
    }

    @Test
    void withoutADisclosureTheDecisionNamesNoOne() {
        Map<String, Object> decision = record(share(null));
        assertThat(decision.get("identity")).isNull();
        assertThat(decision.get("holder")).asString().endsWith(world.learnerA().id());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDecisionCarriesTheVerifiedFieldsChosenAndOnlyThose() {
        recordDateOfBirth(LocalDate.of(2000, 4, 2));
        String disclosureId = disclose(world.college().id(), "LEGAL_NAME", "STUDENT_ID", "DATE_OF_BIRTH")
                .path("discloseIdentity.id")
                .entity(String.class)
                .get();

        Map<String, Object> decision = record(share(disclosureId));

        assertThat(decision.get("grants")).asList().hasSize(1);
        Map<String, Object> identity = new HashMap<>((Map<String, Object>) decision.get("identity"));
        assertThat(identity.remove("vouchedBy"))
                .asString()
                .endsWith(":issuers:" + world.districtA().id());
        assertThat(identity)
                .isEqualTo(expectedIdentity(
                        null, "Ana Alvarez", "2000-04-02", world.learnerA().studentId(), null, disclosureId));
        as(world.collegeUser())
                .document("{ advancedStandingDecisions(first: 5, search: \"alvarez\") { edges { node { identity {"
                        + " legalName } } } } }")
                .execute()
                .path("advancedStandingDecisions.edges[0].node.identity.legalName")
                .entity(String.class)
                .isEqualTo("Ana Alvarez");
        as(world.learner())
                .document("{ myIdentityDisclosures(first: 5) { edges { node { id audienceName fields } } } }")
                .execute()
                .path("myIdentityDisclosures.edges[0].node.fields")
                .entityList(String.class)
                .containsExactly("LEGAL_NAME", "DATE_OF_BIRTH", "STUDENT_ID");
    }

    @Test
    void aMinorNeedsAGuardiansConsentForLegalNameAndDateOfBirth() {
        // No date of birth on record: the age is unknown, so legal name needs consent too.
        expectCode(disclose(world.college().id(), "LEGAL_NAME"), "GUARDIAN_CONSENT_REQUIRED");
        recordDateOfBirth(LocalDate.now().minusYears(16));
        expectCode(disclose(world.college().id(), "DATE_OF_BIRTH"), "GUARDIAN_CONSENT_REQUIRED");
        expectCode(disclose(world.college().id(), "DISPLAY_NAME", "LEGAL_NAME"), "GUARDIAN_CONSENT_REQUIRED");
        disclose(world.college().id(), "DISPLAY_NAME", "GRADUATION_YEAR")
                .errors()
                .verify();

        as(world.registrarA())
                .document(
                        "mutation($l: ID!) { recordIdentityGuardianConsent(learnerId: $l, guardianName: \"Rosa Alvarez\")"
                                + " { id } }")
                .variable("l", world.learnerA().id())
                .execute()
                .errors()
                .verify();
        disclose(world.college().id(), "LEGAL_NAME", "DATE_OF_BIRTH").errors().verify();
        // Another district's registrar cannot record for this learner.
        as(world.registrarB())
                .document("mutation($l: ID!) { recordDateOfBirth(learnerId: $l, dateOfBirth: \"2001-01-01\") { id } }")
                .variable("l", world.learnerA().id())
                .execute()
                .errors()
                .expect(e -> "ACCESS_DENIED".equals(e.getExtensions().get("code")))
                .verify();
    }

    @Test
    void anIdentityForAnotherCollegeOrTamperedWithFailsItsCheck() {
        Organization otherCollege = mongo.insert(new Organization(
                "college-" + System.nanoTime(),
                OrganizationType.COLLEGE,
                "Other College",
                null,
                null,
                null,
                null,
                java.time.Instant.now()));
        String jwt = disclose(otherCollege.id(), "DISPLAY_NAME")
                .path("discloseIdentity.credentialJwt")
                .entity(String.class)
                .get();
        String credential = jwtOf(awardId);

        Map<String, Object> wrongCollege =
                evaluate(presentations.present(world.learnerA().id(), List.of(credential, jwt), null, null));
        assertThat(wrongCollege.get("presentationVerified")).isEqualTo(true);
        assertThat(wrongCollege.get("identity")).isNull();
        assertThat(checks(wrongCollege)).singleElement().satisfies(c -> {
            assertThat(c.get("passed")).isEqualTo(false);
            assertThat(c.get("reason")).asString().contains("Other College");
        });
        // The identity earns nothing and is not listed as a credential that earned nothing.
        assertThat(wrongCollege.get("denied")).asList().isEmpty();
        expectCode(
                as(world.collegeUser())
                        .document(RECORD)
                        .variable(
                                "p", presentations.present(world.learnerA().id(), List.of(credential, jwt), null, null))
                        .execute(),
                "IDENTITY_NOT_VERIFIED");

        String[] parts = disclose(world.college().id(), "DISPLAY_NAME")
                .path("discloseIdentity.credentialJwt")
                .entity(String.class)
                .get()
                .split("\\.");
        // Signed by the district, then one character inside the signature changed (the last one of
        // a base64url signature may carry only padding bits, which decode to the same bytes).
        char middle = parts[2].charAt(10);
        String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + (middle == 'A' ? 'B' : 'A')
                + parts[2].substring(11);
        Map<String, Object> forged =
                evaluate(presentations.present(world.learnerA().id(), List.of(credential, tampered), null, null));
        assertThat(forged.get("identity")).isNull();
        assertThat(checks(forged)).singleElement().satisfies(c -> assertThat(c.get("passed"))
                .isEqualTo(false));
    }

    @Test
    void anotherLearnersIdentityCannotBePresented() {
        String jwt = disclose(world.college().id(), "DISPLAY_NAME")
                .path("discloseIdentity.credentialJwt")
                .entity(String.class)
                .get();
        // Learner B presents learner A's identity credential: it is not about the holder.
        Map<String, Object> result =
                evaluate(presentations.present(world.learnerB().id(), List.of(jwt), null, null));
        assertThat(result.get("presentationVerified")).isEqualTo(false);
        assertThat(result.get("identity")).isNull();
    }

    @Test
    void stoppingADisclosureRevokesItButKeepsPastDecisions() {
        String disclosureId = disclose(world.college().id(), "DISPLAY_NAME")
                .path("discloseIdentity.id")
                .entity(String.class)
                .get();
        String token = share(disclosureId);
        Map<String, Object> before = record(token);
        String presented = as(world.learner())
                .document("{ myIdentityDisclosures(first: 1) { edges { node { credentialJwt } } } }")
                .execute()
                .path("myIdentityDisclosures.edges[0].node.credentialJwt")
                .entity(String.class)
                .get();

        as(world.learner())
                .document("mutation($id: ID!) { stopIdentityDisclosure(id: $id) { stoppedAt } }")
                .variable("id", disclosureId)
                .execute()
                .path("stopIdentityDisclosure.stoppedAt")
                .hasValue();

        // The share no longer carries it; a copy presented anyway fails its status check.
        assertThat(record(token).get("identity")).isNull();
        Map<String, Object> copy =
                evaluate(presentations.present(world.learnerA().id(), List.of(jwtOf(awardId), presented), null, null));
        assertThat(copy.get("identity")).isNull();
        assertThat(checks(copy)).singleElement().satisfies(c -> assertThat(c.get("passed"))
                .isEqualTo(false));
        // The decision recorded before keeps what was disclosed then.
        as(world.collegeUser())
                .document("{ advancedStandingDecisions(first: 10) { edges { node { id identity { displayName } } } } }")
                .execute()
                .path("advancedStandingDecisions.edges[*].node.identity.displayName")
                .entityList(String.class)
                .contains("Ana A.");
        assertThat(((Map<?, ?>) before.get("identity")).get("displayName")).isEqualTo("Ana A.");
        // A stopped disclosure cannot go into a new share.
        expectCode(shareResponse(disclosureId), "IDENTITY_DISCLOSURE_STOPPED");
    }

    @Test
    void theCollegeAttachesItsApplicantIdSearchesAndDownloadsCsvWithFormulasDefused() {
        recordDateOfBirth(LocalDate.of(2000, 4, 2));
        String disclosureId = disclose(world.college().id(), "LEGAL_NAME", "DATE_OF_BIRTH")
                .path("discloseIdentity.id")
                .entity(String.class)
                .get();
        String decisionId = (String) record(share(disclosureId)).get("id");
        as(world.collegeUser())
                .document("mutation($d: ID!) { setApplicantId(decisionId: $d, applicantId: \"=HYPERLINK(1)\") {"
                        + " applicantId } }")
                .variable("d", decisionId)
                .execute()
                .path("setApplicantId.applicantId")
                .entity(String.class)
                .isEqualTo("=HYPERLINK(1)");
        as(world.collegeUser())
                .document(
                        "{ advancedStandingDecisions(first: 5, search: \"=HYPERLINK(1)\") { edges { node { id } } } }")
                .execute()
                .path("advancedStandingDecisions.edges[0].node.id")
                .entity(String.class)
                .isEqualTo(decisionId);

        String csv = http().get()
                .uri("/advanced-standing/decisions.csv")
                .headers(h -> h.setBearerAuth(login(world.collegeUser())))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(csv.lines().findFirst().orElseThrow())
                .startsWith("applicant_id,legal_name,display_name,date_of_birth");
        assertThat(csv)
                .contains("'=HYPERLINK(1),Ana Alvarez,,2000-04-02,,")
                .contains("WLDG 1428")
                .contains(decisionId);

        // Another college sees none of it; nor can it attach an id to this decision.
        Tenants.World other = tenants.create();
        assertThat(http().get()
                        .uri("/advanced-standing/decisions.csv")
                        .headers(h -> h.setBearerAuth(login(other.collegeUser())))
                        .exchange()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .doesNotContain(decisionId);
        expectCode(
                as(other.collegeUser())
                        .document("mutation($d: ID!) { setApplicantId(decisionId: $d, applicantId: \"X\") { id } }")
                        .variable("d", decisionId)
                        .execute(),
                "DECISION_NOT_FOUND");
        http().get()
                .uri("/advanced-standing/decisions.csv")
                .headers(h -> h.setBearerAuth(login(world.registrarA())))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private GraphQlTester.Response disclose(String collegeId, String... fields) {
        return as(world.learner())
                .document(DISCLOSE)
                .variable("i", Map.of("audienceId", collegeId, "fields", List.of(fields)))
                .execute();
    }

    private void recordDateOfBirth(LocalDate born) {
        as(world.registrarA())
                .document("mutation($l: ID!, $d: Date!) { recordDateOfBirth(learnerId: $l, dateOfBirth: $d) { id } }")
                .variable("l", world.learnerA().id())
                .variable("d", born.toString())
                .execute()
                .errors()
                .verify();
    }

    private GraphQlTester.Response shareResponse(String disclosureId) {
        Map<String, Object> input =
                new HashMap<>(Map.of("earnedCredentialIds", List.of(awardId), "audience", "Admissions"));
        if (disclosureId != null) {
            input.put("identityDisclosureId", disclosureId);
        }
        return as(world.learner())
                .document("mutation($i: CreateShareInput!) { createShare(input: $i) { token } }")
                .variable("i", input)
                .execute();
    }

    private String share(String disclosureId) {
        return shareResponse(disclosureId)
                .path("createShare.token")
                .entity(String.class)
                .get();
    }

    private Map<String, Object> record(String shareToken) {
        return as(world.collegeUser())
                .document(RECORD)
                .variable("t", shareToken)
                .execute()
                .errors()
                .verify()
                .path("recordAdvancedStanding")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    private Map<String, Object> evaluate(String presentation) {
        return anonymous()
                .document(EVALUATE)
                .variable("p", presentation)
                .variable("i", world.college().id())
                .execute()
                .errors()
                .verify()
                .path("evaluateAdvancedStanding")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    private String jwtOf(String id) {
        return as(world.learner())
                .document("{ me { credentials { id jwt } } }")
                .execute()
                .path("me.credentials[0].jwt")
                .entity(String.class)
                .get();
    }

    private Map<String, Object> expectedIdentity(
            String displayName, String legalName, String born, String studentId, Integer year, String disclosureId) {
        Map<String, Object> identity = new HashMap<>();
        identity.put("displayName", displayName);
        identity.put("legalName", legalName);
        identity.put("dateOfBirth", born);
        identity.put("studentId", studentId);
        identity.put("graduationYear", year);
        identity.put("disclosureId", disclosureId);
        return identity;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> checks(Map<String, Object> result) {
        return (List<Map<String, Object>>) result.get("identityChecks");
    }

    private static void expectCode(GraphQlTester.Response response, String code) {
        response.errors()
                .expect(e -> code.equals(e.getExtensions().get("code")))
                .verify();
    }
}
