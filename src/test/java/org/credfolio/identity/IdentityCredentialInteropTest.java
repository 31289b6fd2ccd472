package org.credfolio.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import java.util.List;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.NodeHarness;
import org.credfolio.support.PublishedSchemas;
import org.credfolio.support.Tenants;
import org.credfolio.support.VerifierDocuments;
import org.credfolio.trust.CredentialForms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.ParameterizedTypeReference;

/**
 * The identity credential is an Open Badges 3.0 credential like any other to software that is not
 * ours: 1EdTech's AchievementCredential JSON Schema accepts both forms, and the Digital Credentials
 * Consortium's verifier-core verifies its Data Integrity proof and its status, and sees it revoked
 * once the learner stops the disclosure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityCredentialInteropTest extends IntegrationTest {
    private Tenants.World world;
    private Map<String, Object> disclosure;

    @BeforeAll
    void disclose() {
        world = tenants.create();
        as(world.registrarA())
                .document("mutation($l: ID!) { recordDateOfBirth(learnerId: $l, dateOfBirth: \"1999-12-31\") { id } }")
                .variable("l", world.learnerA().id())
                .execute()
                .errors()
                .verify();
        disclosure = as(world.learner())
                .document("mutation($i: DiscloseIdentityInput!) { discloseIdentity(input: $i) { id credentialJwt"
                        + " ldpCredential } }")
                .variable(
                        "i",
                        Map.of(
                                "audienceId",
                                world.college().id(),
                                "fields",
                                List.of(
                                        "DISPLAY_NAME",
                                        "LEGAL_NAME",
                                        "DATE_OF_BIRTH",
                                        "STUDENT_ID",
                                        "GRADUATION_YEAR")))
                .execute()
                .errors()
                .verify()
                .path("discloseIdentity")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    @Test
    void bothFormsValidateAgainstTheAchievementCredentialSchema() {
        Schema schema = PublishedSchemas.schema("ob_v3p0_achievementcredential_schema.json");
        Map<String, Object> ldp = NodeHarness.copy(disclosure.get("ldpCredential"));
        PublishedSchemas.assertValid(schema, "identity ldpCredential", ldp);
        PublishedSchemas.assertValid(
                schema, "identity JWT payload", CredentialForms.payload((String) disclosure.get("credentialJwt")));
        Map<?, ?> subject = (Map<?, ?>) ldp.get("credentialSubject");
        List<Object> types = ((List<?>) subject.get("identifier"))
                .stream()
                        .map(i -> ((Map<?, ?>) i).get("identityType"))
                        .map(Object.class::cast)
                        .toList();
        List<Object> values = ((List<?>) subject.get("identifier"))
                .stream()
                        .map(i -> ((Map<?, ?>) i).get("identityHash"))
                        .map(Object.class::cast)
                        .toList();
        assertThat(types)
                .containsExactly("ext:displayName", "name", "ext:dateOfBirth", "ext:studentId", "ext:graduationYear");
        assertThat(values)
                .contains("Ana Alvarez", "1999-12-31", world.learnerA().studentId(), "2027");
    }

    @Test
    @SuppressWarnings("unchecked")
    void verifierCoreVerifiesItAndSeesItRevokedOnceStopped() {
        NodeHarness.assumeAvailable();
        Map<String, Object> ldp = NodeHarness.copy(disclosure.get("ldpCredential"));
        Map<String, Object> verdict = NodeHarness.verify(ldp, VerifierDocuments.lookedUpFor(http(), ldp));
        assertThat(verdict.get("verified")).as(NodeHarness.describe(verdict)).isEqualTo(true);
        assertThat(NodeHarness.expand(ldp).get("ok"))
                .as("JSON-LD safe-mode expansion")
                .isEqualTo(true);

        as(world.learner())
                .document("mutation($id: ID!) { stopIdentityDisclosure(id: $id) { stoppedAt } }")
                .variable("id", disclosure.get("id"))
                .execute()
                .errors()
                .verify();
        Map<String, Object> after = NodeHarness.verify(ldp, VerifierDocuments.lookedUpFor(http(), ldp));
        assertThat(after.get("verified")).as(NodeHarness.describe(after)).isEqualTo(false);
        assertThat((Map<String, Object>) after.get("checks"))
                .as(NodeHarness.describe(after))
                .containsEntry("revocation_status", false);
    }
}
