package org.credfolio.pathways;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Comprehensive Learner Record export, checked as an outside verifier would: signature with a
 * second JOSE library against the published JWKS, then the CLR 2.0 structure (ClrCredential,
 * ClrSubject, nested credentials, achievements and associations).
 */
class ComprehensiveLearnerRecordTest extends IntegrationTest {
    private static final String EXPORT = "query($l: ID) { comprehensiveLearnerRecord(learnerId: $l) {"
            + " jwt credentialCount courseCount envelopedCredential } }";
    private static final String CLR_CONTEXT = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";

    private Tenants.World world;
    private String programId;

    @BeforeEach
    void world() throws Exception {
        world = tenants.create();
        programId = as(world.districtAdminA())
                .document("mutation($i: ProgramOfStudyInput!) { createProgramOfStudy(input: $i) { id } }")
                .variable(
                        "i",
                        Map.of(
                                "stateCode",
                                "060",
                                "name",
                                "Welding",
                                "courses",
                                List.of(
                                        Map.of(
                                                "code",
                                                "MFG 100",
                                                "title",
                                                "Principles of Manufacturing",
                                                "credits",
                                                "1",
                                                "gradeLevel",
                                                9),
                                        Map.of(
                                                "code",
                                                "WLD 200",
                                                "title",
                                                "Welding I",
                                                "credits",
                                                "2",
                                                "gradeLevel",
                                                10),
                                        Map.of(
                                                "code",
                                                "WLD 300",
                                                "title",
                                                "Welding II",
                                                "credits",
                                                "2",
                                                "gradeLevel",
                                                11)),
                                "embeddedCredentials",
                                List.of(Map.of("credentialId", world.welding().id(), "courseCode", "WLD 300"))))
                .execute()
                .path("createProgramOfStudy.id")
                .entity(String.class)
                .get();
        as(world.registrarA())
                .document("mutation($l: ID!, $p: ID!) { enrollInProgramOfStudy(learnerId: $l, programId: $p) { id } }")
                .variable("l", world.learnerA().id())
                .variable("p", programId)
                .execute()
                .errors()
                .verify();
    }

    private void completeCourse(String code) {
        as(world.registrarA())
                .document("mutation($i: CourseCompletionInput!) { recordCourseCompletion(input: $i) { id } }")
                .variable(
                        "i",
                        Map.of(
                                "learnerId",
                                world.learnerA().id(),
                                "programId",
                                programId,
                                "courseCode",
                                code,
                                "completedOn",
                                LocalDate.now().minusMonths(1).toString(),
                                "grade",
                                "B"))
                .execute()
                .errors()
                .verify();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLearnersRecordIsASignedClrCredentialWithItsAssociations() throws Exception {
        completeCourse("MFG 100");
        completeCourse("WLD 200");
        recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.welding().id(),
                LocalDate.now().minusDays(3));
        String revoked = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.aPlus().id(),
                LocalDate.now().minusDays(2));
        as(world.registrarA())
                .document("mutation($i: StatusChangeInput!) { revokeEarnedCredential(input: $i) { id } }")
                .variable("i", Map.of("id", revoked, "reason", "Issued in error"))
                .execute()
                .errors()
                .verify();

        var export = as(world.learner()).document(EXPORT).execute();
        export.path("comprehensiveLearnerRecord.credentialCount")
                .entity(Integer.class)
                .isEqualTo(1);
        export.path("comprehensiveLearnerRecord.courseCount")
                .entity(Integer.class)
                .isEqualTo(2);
        String jwt = export.path("comprehensiveLearnerRecord.jwt")
                .entity(String.class)
                .get();

        // Signature and claims, by jose4j against the published keys.
        String jwks = http().get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        JwtContext verified = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(
                        ConstraintType.PERMIT, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256))
                .setExpectedType(true, "vc+jwt")
                .setSkipDefaultAudienceValidation()
                .setRequireIssuedAt()
                .build()
                .process(jwt);
        assertThat(((JsonWebSignature) verified.getJoseObjects().get(0)).getKeyIdHeaderValue())
                .startsWith(verified.getJwtClaims().getIssuer() + "#");
        Map<String, Object> clr = verified.getJwtClaims().getClaimsMap();

        assertThat((List<String>) clr.get("@context"))
                .startsWith("https://www.w3.org/ns/credentials/v2")
                .contains(CLR_CONTEXT);
        assertThat((List<String>) clr.get("type")).containsExactly("VerifiableCredential", "ClrCredential");
        assertThat(clr).containsKeys("id", "issuer", "name", "validFrom", "credentialSubject");
        Map<String, Object> issuer = (Map<String, Object>) clr.get("issuer");
        assertThat(issuer.get("id")).isEqualTo(clr.get("iss"));
        assertThat(issuer.get("name")).isEqualTo(world.districtA().name());

        Map<String, Object> subject = (Map<String, Object>) clr.get("credentialSubject");
        assertThat((List<String>) subject.get("type")).containsExactly("ClrSubject");
        assertThat(subject.get("id")).isEqualTo(clr.get("sub"));
        List<Map<String, Object>> nested = (List<Map<String, Object>>) subject.get("verifiableCredential");
        // The welding credential as the district signed it, and two courses; the revoked A+ is left out.
        assertThat(nested).hasSize(3);
        assertThat(nested).allSatisfy(c -> {
            assertThat(c).containsKeys("@context", "id", "type", "issuer", "validFrom", "credentialSubject");
            assertThat(c).doesNotContainKeys("iss", "sub", "jti", "nbf", "iat", "exp");
            assertThat(((Map<String, Object>) c.get("credentialSubject")).get("id"))
                    .isEqualTo(clr.get("sub"));
        });
        Map<String, Object> welding = nested.get(0);
        assertThat((List<String>) welding.get("type")).contains("OpenBadgeCredential");
        assertThat(welding).containsKey("credentialStatus");
        assertThat(nested.subList(1, 3))
                .extracting(c -> ((Map<String, Object>)
                                ((Map<String, Object>) c.get("credentialSubject")).get("achievement"))
                        .get("humanCode"))
                .containsExactly("MFG 100", "WLD 200");

        List<Map<String, Object>> achievements = (List<Map<String, Object>>) subject.get("achievement");
        assertThat(achievements)
                .extracting(a -> a.get("achievementType"))
                .containsExactly("LearningProgram", "Course", "Course", "Course");
        String program = (String) achievements.get(0).get("id");
        String mfg = (String) achievements.get(1).get("id");
        String wld200 = (String) achievements.get(2).get("id");
        String wld300 = (String) achievements.get(3).get("id");
        String weldingAchievement = (String)
                ((Map<String, Object>) ((Map<String, Object>) welding.get("credentialSubject")).get("achievement"))
                        .get("id");
        List<Map<String, Object>> associations = (List<Map<String, Object>>) subject.get("association");
        assertThat(associations)
                .extracting(a -> a.get("associationType") + " " + a.get("sourceId") + " " + a.get("targetId"))
                .containsExactlyInAnyOrder(
                        "precedes " + mfg + " " + wld200,
                        "precedes " + wld200 + " " + wld300,
                        "isPartOf " + mfg + " " + program,
                        "isPartOf " + wld200 + " " + program,
                        "isPartOf " + wld300 + " " + program,
                        "isPartOf " + weldingAchievement + " " + program,
                        "isRelatedTo " + weldingAchievement + " " + wld300);
        assertThat(associations).allSatisfy(a -> assertThat(a.get("type")).isEqualTo("Association"));

        // No name or student id of the learner in the record: it is about a DID.
        assertThat(clr.toString())
                .doesNotContain(world.learnerA().givenName())
                .doesNotContain(world.learnerA().familyName())
                .doesNotContain(world.learnerA().studentId());

        // And Credfolio's own public verifier accepts it.
        anonymous()
                .document("query($c: String!) { verifyCredential(credential: $c) { verified } }")
                .variable("c", jwt)
                .execute()
                .path("verifyCredential.verified")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    @Test
    void staffOfTheLearnersOrganizationMayExportAndNobodyElse() {
        completeCourse("MFG 100");
        as(world.registrarA())
                .document(EXPORT)
                .variable("l", world.learnerA().id())
                .execute()
                .path("comprehensiveLearnerRecord.courseCount")
                .entity(Integer.class)
                .isEqualTo(1);
        for (Tenants.User outsider : List.of(world.registrarB(), world.educatorA(), world.collegeUser())) {
            as(outsider)
                    .document(EXPORT)
                    .variable("l", world.learnerA().id())
                    .execute()
                    .errors()
                    .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification")))
                    .verify();
        }
        as(world.learner())
                .document(EXPORT)
                .variable("l", world.learnerB().id())
                .execute()
                .errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification")))
                .verify();
    }

    @Test
    void anEmptyRecordIsRefusedWithAReason() {
        as(world.learner())
                .document(EXPORT)
                .execute()
                .errors()
                .expect(e -> "NOTHING_TO_EXPORT".equals(e.getExtensions().get("code")))
                .verify();
    }
}
