package org.credfolio.awards;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.NodeHarness;
import org.credfolio.support.Tenants;
import org.credfolio.support.VerifierDocuments;
import org.credfolio.trust.keys.IssuerKeys;
import org.credfolio.trust.verification.CredentialSummary;
import org.credfolio.trust.verification.CredentialVerification;
import org.credfolio.trust.verification.CredentialVerifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

/**
 * Credfolio's Data Integrity credentials ({@code eddsa-rdfc-2022}) checked by software that is not
 * ours: the Digital Credentials Consortium's {@code @digitalcredentials/verifier-core}, through the
 * offline Node harness in {@code src/test/node}. Every DID document and status list verifier-core
 * asks for is fetched from this server first and handed to the harness under the https URL the
 * did:web method (or the status entry) names. Credfolio's own verifier must reach the same verdict.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataIntegrityInteroperabilityTest extends IntegrationTest {
    private static final String ISSUER_DID_PREFIX = "did:web:localhost%3A8080:issuers:";
    private static final String CREDENTIALS =
            "query($id: ID!) { learner(id: $id) { credentials { id ldpCredential } } }";
    private static final String CLR = "{ comprehensiveLearnerRecord { ldpCredential } }";

    @Autowired
    private IssuerKeys keys;

    @Autowired
    private CredentialVerifier verifier;

    private Tenants.World world;
    private String weldingId;
    private Map<String, Object> welding;

    @BeforeAll
    void issue() {
        // Without node every test here is skipped, before anything is issued.
        NodeHarness.assumeAvailable();
        world = tenants.create();
        weldingId = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.welding().id(),
                LocalDate.now().minusDays(5));
        welding = ldpCredential(weldingId);
        completeACourse(world);
    }

    @Test
    void issuedCredentialVerifiesInVerifierCore() {
        Map<String, Object> verdict = NodeHarness.verify(welding, documentsFor(welding));

        assertVerifiedByVerifierCore(welding, verdict);
        assertThat(ourVerifier(welding).verified()).isTrue();
    }

    @Test
    void tamperedCredentialFailsWithAnInvalidSignature() {
        Map<String, Object> renamed = NodeHarness.copy(welding);
        renamed.put("name", "Master Welder");
        Map<String, Object> otherAchievement = NodeHarness.copy(welding);
        achievement(otherAchievement).put("name", "Certified Welding Inspector");

        for (Map<String, Object> tampered : List.of(renamed, otherAchievement)) {
            Map<String, Object> verdict = NodeHarness.verify(tampered, documentsFor(tampered));

            assertThat(verdict.get("verified"))
                    .as(NodeHarness.describe(verdict))
                    .isEqualTo(false);
            assertThat(errorNames(verdict)).as(NodeHarness.describe(verdict)).contains("invalid_signature");
            CredentialVerification ours = ourVerifier(tampered);
            assertThat(ours.verified()).isFalse();
            assertThat(ours.summary().status()).isEqualTo(CredentialSummary.Status.INVALID);
        }
    }

    @Test
    void revokedCredentialFailsRevocationStatusInVerifierCore() {
        String awardId = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.aPlus().id(),
                LocalDate.now().minusDays(4));
        // A revoked credential has no ldpCredential any more: take it while it is active.
        Map<String, Object> credential = ldpCredential(awardId);
        assertVerifiedByVerifierCore(credential, NodeHarness.verify(credential, documentsFor(credential)));

        as(world.registrarA())
                .document("mutation($i: StatusChangeInput!) { revokeEarnedCredential(input: $i) { id } }")
                .variable("i", Map.of("id", awardId, "reason", "Score voided by the certifying body"))
                .execute()
                .errors()
                .verify();

        // documentsFor fetches the status list again: now with the credential's bit set.
        Map<String, Object> verdict = NodeHarness.verify(credential, documentsFor(credential));
        Map<?, ?> checks = (Map<?, ?>) verdict.get("checks");
        assertThat(verdict.get("verified")).as(NodeHarness.describe(verdict)).isEqualTo(false);
        assertThat(checks.get("valid_signature"))
                .as(NodeHarness.describe(verdict))
                .isEqualTo(true);
        assertThat(checks.get("revocation_status"))
                .as(NodeHarness.describe(verdict))
                .isEqualTo(false);
        CredentialVerification ours = ourVerifier(credential);
        assertThat(ours.verified()).isFalse();
        assertThat(ours.summary().status()).isEqualTo(CredentialSummary.Status.REVOKED);
    }

    @Test
    void credentialSignedWithAnotherDistrictsKeyFailsInVerifierCore() {
        Map<String, Object> content = NodeHarness.copy(welding);
        content.remove("proof");
        Map<String, Object> forged = keys.secure(world.districtB().id(), content);
        assertThat(issuerId(forged))
                .isEqualTo(ISSUER_DID_PREFIX + world.districtA().id());
        assertThat((String) ((Map<?, ?>) forged.get("proof")).get("verificationMethod"))
                .startsWith(ISSUER_DID_PREFIX + world.districtB().id() + "#");
        Map<String, Object> documents = documentsFor(forged);

        Map<String, Object> verdict = NodeHarness.verify(forged, documents);

        assertThat(verdict.get("verified")).as(NodeHarness.describe(verdict)).isEqualTo(false);
        assertThat(errorNames(verdict)).as(NodeHarness.describe(verdict)).contains("invalid_signature");
        assertThat(ourVerifier(forged).verified()).isFalse();

        // The same content secured again with district A's own key verifies: only the key is wrong.
        Map<String, Object> resecured = keys.secure(world.districtA().id(), content);
        assertVerifiedByVerifierCore(resecured, NodeHarness.verify(resecured, documentsFor(resecured)));
        assertThat(ourVerifier(resecured).verified()).isTrue();
    }

    @Test
    void comprehensiveLearnerRecordAndEachNestedCredentialVerifyInVerifierCore() {
        Map<String, Object> clr = as(world.learner())
                .document(CLR)
                .execute()
                .errors()
                .verify()
                .path("comprehensiveLearnerRecord.ldpCredential")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();

        assertVerifiedByVerifierCore(clr, NodeHarness.verify(clr, documentsFor(clr)));
        assertThat(ourVerifier(clr).verified()).isTrue();

        List<?> nested = (List<?>) ((Map<?, ?>) clr.get("credentialSubject")).get("verifiableCredential");
        // The welding credential and one course completion.
        assertThat(nested).hasSize(2);
        for (Object item : nested) {
            Map<String, Object> credential = NodeHarness.copy(item);
            assertVerifiedByVerifierCore(credential, NodeHarness.verify(credential, documentsFor(credential)));
            CredentialVerification ours = ourVerifier(credential);
            assertThat(ours.verified())
                    .as("%s: %s", credential.get("name"), ours.checks())
                    .isTrue();
        }
    }

    private static void assertVerifiedByVerifierCore(Map<String, Object> credential, Map<String, Object> verdict) {
        Map<String, Object> checks = asMap(verdict.get("checks"));
        // registered_issuer is ignored: no issuer registry lists Credfolio's test districts.
        assertThat(checks).as(NodeHarness.describe(verdict)).containsEntry("valid_signature", true);
        assertThat(checks).as(NodeHarness.describe(verdict)).containsEntry("expiration", true);
        if (credential.containsKey("credentialStatus")) {
            assertThat(checks).as(NodeHarness.describe(verdict)).containsEntry("revocation_status", true);
        }
        assertThat(verdict.get("verified")).as(NodeHarness.describe(verdict)).isEqualTo(true);
        assertThat((List<?>) verdict.get("errors"))
                .as(NodeHarness.describe(verdict))
                .isEmpty();
        // verifier-core's own JSON Schema check (ajv), where it knows a schema for the type
        // (OpenBadgeCredential: the OB 3.0 AchievementCredential schema; else "NO_SCHEMA").
        for (Object info : (List<?>) verdict.get("additionalInformation")) {
            if ("schema_check".equals(asMap(info).get("id")) && asMap(info).get("results") instanceof List<?> results) {
                for (Object result : results) {
                    assertThat(asMap(asMap(result).get("result")))
                            .as("schema_check %s", JSONObjectUtils.toJSONString(asMap(result)))
                            .containsEntry("valid", true);
                }
            }
        }
    }

    private CredentialVerification ourVerifier(Map<String, Object> credential) {
        return verifier.verifyCredential(JSONObjectUtils.toJSONString(credential));
    }

    private Map<String, Object> ldpCredential(String awardId) {
        List<Map<String, Object>> credentials = as(world.registrarA())
                .document(CREDENTIALS)
                .variable("id", world.learnerA().id())
                .execute()
                .errors()
                .verify()
                .path("learner.credentials")
                .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .get();
        return credentials.stream()
                .filter(c -> awardId.equals(c.get("id")))
                .map(c -> NodeHarness.copy(c.get("ldpCredential")))
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> achievement(Map<String, Object> credential) {
        return (Map<String, Object>) ((Map<String, Object>) credential.get("credentialSubject")).get("achievement");
    }

    private static String issuerId(Map<String, Object> credential) {
        Object issuer = credential.get("issuer");
        return issuer instanceof Map<?, ?> profile ? (String) profile.get("id") : (String) issuer;
    }

    private static List<String> errorNames(Map<String, Object> verdict) {
        return ((List<?>) verdict.get("errors"))
                .stream().map(e -> (String) ((Map<?, ?>) e).get("name")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object json) {
        return (Map<String, Object>) json;
    }

    /** What verifier-core will look up for this document, fetched from this server. */
    private Map<String, Object> documentsFor(Map<String, Object> document) {
        return VerifierDocuments.lookedUpFor(http(), document);
    }
}
