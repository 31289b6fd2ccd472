package org.credfolio.awards;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.CredentialType;
import org.credfolio.catalog.Portability;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationType;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.NodeHarness;
import org.credfolio.support.Tenants;
import org.credfolio.support.VerifierDocuments;
import org.credfolio.trust.verification.CredentialVerifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoOperations;
import tools.jackson.databind.ObjectMapper;

/**
 * The achievement in the credential: {@code achievement.creator} is the certifying body's OB 3.0
 * Profile ({@code urn:credfolio:organization:<id>}, Profile, name, website as url) when the catalog
 * entry names one; {@code achievement.image} is the badge picture as the district issues it, served
 * publicly. Both forms stay valid: against the 1EdTech JSON Schema, through JSON-LD in safe mode
 * (signing fails on an undefined term), for Credfolio's verifier and for DCC's verifier-core.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AchievementCreatorAndImageTest extends IntegrationTest {
    private static final String EARNED =
            "query($id: ID!) { learner(id: $id) { credentials { id jwt credentialJson ldpCredential } } }";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMA_REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2019_09,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    @Autowired
    MongoOperations mongo;

    @Autowired
    CredentialVerifier verifier;

    private Tenants.World world;
    private Organization body;
    private Map<String, Object> earned;
    private Map<String, Object> plain;

    @BeforeAll
    void issue() {
        world = tenants.create();
        body = mongo.insert(new Organization(
                UUID.randomUUID().toString(),
                OrganizationType.CERTIFYING_BODY,
                "National Center for Construction Education and Research",
                null,
                null,
                "https://www.nccer.org",
                null,
                Instant.now()));
        CredentialDefinition certified = mongo.insert(new CredentialDefinition(
                UUID.randomUUID().toString(),
                "NCCER Core Curriculum " + UUID.randomUUID().toString().substring(0, 6),
                CredentialType.CERTIFICATION,
                body.id(),
                "Introductory craft skills",
                List.of("51-4121"),
                "Construction",
                Portability.NATIONAL,
                List.of(),
                null,
                new BigDecimal("25.00"),
                List.of(),
                null,
                Instant.now()));
        String certifiedId = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                certified.id(),
                LocalDate.now().minusDays(3));
        String plainId = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.welding().id(),
                LocalDate.now().minusDays(3));
        List<Map<String, Object>> credentials = as(world.registrarA())
                .document(EARNED)
                .variable("id", world.learnerA().id())
                .execute()
                .errors()
                .verify()
                .path("learner.credentials")
                .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .get();
        earned = credentials.stream()
                .filter(c -> certifiedId.equals(c.get("id")))
                .findFirst()
                .orElseThrow();
        plain = credentials.stream()
                .filter(c -> plainId.equals(c.get("id")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void achievementCreatorIsTheCertifyingBodysProfileInBothForms() {
        for (String form : List.of("ldpCredential", "credentialJson")) {
            Map<String, Object> creator =
                    asMap(achievement(asMap(earned.get(form))).get("creator"));
            assertThat(creator)
                    .as(form)
                    .containsEntry("id", "urn:credfolio:organization:" + body.id())
                    .containsEntry("type", List.of("Profile"))
                    .containsEntry("name", body.name())
                    .containsEntry("url", "https://www.nccer.org");
        }
        // The district stays the issuer; a catalog entry without a certifying body has no creator.
        assertThat(asMap(asMap(earned.get("ldpCredential")).get("issuer")))
                .containsEntry("name", world.districtA().name());
        assertThat(achievement(asMap(plain.get("ldpCredential")))).doesNotContainKey("creator");
    }

    @Test
    void achievementImageIsAPublicPictureOfTheCredentialItsCertifierAndTheDistrict() {
        Map<String, Object> image =
                asMap(achievement(asMap(earned.get("ldpCredential"))).get("image"));
        String credentialId = ((String)
                        achievement(asMap(earned.get("ldpCredential"))).get("id"))
                .substring("urn:credfolio:achievement:".length());
        String path = "/issuers/" + world.districtA().id() + "/achievements/" + credentialId + "/image.svg";
        assertThat(image)
                .containsEntry("id", VerifierDocuments.PUBLIC_BASE + path)
                .containsEntry("type", "Image");
        assertThat(asMap(achievement(asMap(earned.get("credentialJson"))).get("image")))
                .isEqualTo(image);

        String svg = http().get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("image/svg+xml")
                .expectHeader()
                .valueEquals("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String name = (String) achievement(asMap(earned.get("ldpCredential"))).get("name");
        assertThat(svg)
                .contains("<title id=\"badge-title\">" + name + " badge</title>")
                .contains("certified by National Center for Construction Education and Research")
                .contains("issued by " + world.districtA().name())
                // The achievement's picture carries no credential and nothing about a learner.
                .doesNotContain("openbadges:credential")
                .doesNotContain(world.learnerA().id());

        http().get()
                .uri("/issuers/" + world.districtA().id() + "/achievements/no-such-credential/image.svg")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("ACHIEVEMENT_NOT_FOUND");
        // Only districts issue: a certifying body's id is not an issuer.
        http().get()
                .uri("/issuers/" + body.id() + "/achievements/" + credentialId + "/image.svg")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void bothFormsValidateAgainstTheAchievementCredentialSchema() throws IOException {
        Schema schema;
        try (InputStream in = Files.newInputStream(
                Path.of("src/test/resources/published/schemas/ob_v3p0_achievementcredential_schema.json"))) {
            schema = SCHEMA_REGISTRY.getSchema(in);
        }
        for (String form : List.of("ldpCredential", "credentialJson")) {
            List<com.networknt.schema.Error> errors = schema.validate(JSON.valueToTree(earned.get(form)));
            assertThat(errors).as(form + ": " + errors).isEmpty();
        }
    }

    @Test
    void credfolioVerifiesBothForms() {
        assertThat(verifier.verifyCredential((String) earned.get("jwt")).verified())
                .isTrue();
        assertThat(verifier.verifyCredential(JSONObjectUtils.toJSONString(asMap(earned.get("ldpCredential"))))
                        .verified())
                .isTrue();
    }

    @Test
    void verifierCoreVerifiesTheDataIntegrityForm() {
        NodeHarness.assumeAvailable();
        Map<String, Object> credential = NodeHarness.copy(earned.get("ldpCredential"));
        Map<String, Object> verdict = NodeHarness.verify(credential, VerifierDocuments.lookedUpFor(http(), credential));
        assertThat(verdict.get("verified")).as(NodeHarness.describe(verdict)).isEqualTo(true);
        assertThat((List<?>) verdict.get("errors"))
                .as(NodeHarness.describe(verdict))
                .isEmpty();
        for (Object info : (List<?>) verdict.get("additionalInformation")) {
            if ("schema_check".equals(asMap(info).get("id")) && asMap(info).get("results") instanceof List<?> results) {
                for (Object result : results) {
                    assertThat(asMap(asMap(result).get("result"))).containsEntry("valid", true);
                }
            }
        }
    }

    private static Map<String, Object> achievement(Map<String, Object> credential) {
        return asMap(asMap(credential.get("credentialSubject")).get("achievement"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object json) {
        return (Map<String, Object>) json;
    }
}
