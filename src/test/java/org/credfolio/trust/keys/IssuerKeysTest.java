package org.credfolio.trust.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.credfolio.trust.TrustProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

class IssuerKeysTest extends IntegrationTest {
    private static final String MARK = "mutation($kid: ID!, $reason: String!) {"
            + " markIssuerKeyCompromised(kid: $kid, reason: $reason) { kid algorithm status statusReason } }";

    @Autowired
    IssuerKeys keys;

    @Autowired
    MongoOperations mongo;

    @Test
    void firstSignatureCreatesKeyThatVerifiesAgainstPublishedJwks() throws Exception {
        String org = tenants.create().districtA().id();
        JWSObject jws = JWSObject.parse(keys.sign(org, "vc+jwt", Map.of("iss", "did:example", "n", 1)));

        assertThat(jws.getHeader().getType().toString()).isEqualTo("vc+jwt");
        assertThat(jws.getHeader().getKeyID()).startsWith("did:web:localhost%3A8080:issuers:" + org + "#");
        JWK published = jwks().getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(published).isNotNull();
        assertThat(published.isPrivate()).isFalse();
        assertThat(jws.verify(new ECDSAVerifier((ECKey) published))).isTrue();
    }

    @Test
    void privateKeyIsStoredOnlySealed() throws Exception {
        String org = tenants.create().districtA().id();
        keys.sign(org, "JWT", Map.of("a", "b"));
        Document stored =
                mongo.findOne(Query.query(Criteria.where("organizationId").is(org)), Document.class, "issuer_keys");
        String privateD = ECKey.parse(new String(
                        KeyEncryption.from(new TrustProperties(
                                        null, null, "target/test-data/key-encryption-key", null, null))
                                .open(((Binary) stored.get("sealedPrivateJwk")).getData(), stored.getString("_id")),
                        StandardCharsets.UTF_8))
                .getD()
                .toString();
        assertThat(stored.toJson()).doesNotContain(privateD);
        assertThat(stored.getString("publicJwk")).doesNotContain("\"d\"");
    }

    @Test
    void rotationSignsWithNewKeyAndKeepsOldOnePublished() throws Exception {
        Tenants.World world = tenants.create();
        String org = world.districtA().id();
        String oldKid =
                JWSObject.parse(keys.sign(org, "JWT", Map.of())).getHeader().getKeyID();
        String newKid = as(world.districtAdminA())
                .document("mutation($o: ID!) { rotateIssuerKey(organizationId: $o, algorithm: RS256) { kid } }")
                .variable("o", org)
                .execute()
                .path("rotateIssuerKey.kid")
                .entity(String.class)
                .get();

        JWSObject signed = JWSObject.parse(keys.sign(org, "JWT", Map.of()));
        assertThat(signed.getHeader().getKeyID()).isEqualTo(newKid).isNotEqualTo(oldKid);
        assertThat(signed.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwks().getKeyByKeyId(oldKid)).isNotNull();
        as(world.districtAdminB())
                .document("mutation($o: ID!) { rotateIssuerKey(organizationId: $o) { kid } }")
                .variable("o", org)
                .execute()
                .errors()
                .expect(e -> "ACCESS_DENIED".equals(e.getExtensions().get("code")));
    }

    @Test
    void rotationToEdDsaSignsWithEd25519KeyPublishedInJwks() throws Exception {
        Tenants.World world = tenants.create();
        String org = world.districtA().id();
        String kid = as(world.districtAdminA())
                .document(
                        "mutation($o: ID!) { rotateIssuerKey(organizationId: $o, algorithm: EdDSA) { kid algorithm } }")
                .variable("o", org)
                .execute()
                .path("rotateIssuerKey.algorithm")
                .entity(String.class)
                .isEqualTo("EdDSA")
                .path("rotateIssuerKey.kid")
                .entity(String.class)
                .get();

        JWSObject signed = JWSObject.parse(keys.sign(org, "vc+jwt", Map.of("iss", "did:example", "n", 2)));
        assertThat(signed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(signed.getHeader().getKeyID()).isEqualTo(kid);
        JWK published = jwks().getKeyByKeyId(kid);
        assertThat(published).isInstanceOf(OctetKeyPair.class);
        assertThat(published.getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(((OctetKeyPair) published).getCurve()).isEqualTo(Curve.Ed25519);
        assertThat(published.isPrivate()).isFalse();
        assertThat(signed.verify(new Ed25519Verifier((OctetKeyPair) published))).isTrue();
    }

    @Test
    void compromisedActiveKeyIsReplacedUnpublishedAndStillFoundWithItsReason() throws Exception {
        Tenants.World world = tenants.create();
        String org = world.districtA().id();
        String kid = as(world.districtAdminA())
                .document("mutation($o: ID!) { rotateIssuerKey(organizationId: $o, algorithm: EdDSA) { kid } }")
                .variable("o", org)
                .execute()
                .path("rotateIssuerKey.kid")
                .entity(String.class)
                .get();

        as(world.districtAdminA())
                .document(MARK)
                .variable("kid", kid)
                .variable("reason", "  laptop stolen  ")
                .execute()
                .path("markIssuerKeyCompromised")
                .matchesJson(
                        "{\"kid\": \"" + kid
                                + "\", \"algorithm\": \"EdDSA\", \"status\": \"COMPROMISED\", \"statusReason\": \"laptop stolen\"}");

        JWSObject next = JWSObject.parse(keys.sign(org, "JWT", Map.of()));
        assertThat(next.getHeader().getKeyID()).isNotEqualTo(kid);
        assertThat(next.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(jwks().getKeyByKeyId(kid)).isNull();
        assertThat(jwks().getKeyByKeyId(next.getHeader().getKeyID())).isNotNull();
        String thumbprint = kid.substring(kid.indexOf('#') + 1);
        VerificationKey found = keys.verificationKey(thumbprint).orElseThrow();
        assertThat(found.compromised()).isTrue();
        assertThat(found.organizationId()).isEqualTo(org);
        assertThat(found.statusReason()).isEqualTo("laptop stolen");
        assertThat(found.jwk().isPrivate()).isFalse();
        Document audit =
                mongo.findOne(Query.query(Criteria.where("subjectId").is(thumbprint)), Document.class, "audit_log");
        assertThat(audit.getString("action")).isEqualTo("issuer-key.compromised");
        assertThat(audit.get("detail", Document.class).getString("replacedBy"))
                .isEqualTo(next.getHeader().getKeyID().substring(kid.indexOf('#') + 1));
    }

    @Test
    void markingCompromisedNeedsOwnKeyKnownKidAndReason() throws Exception {
        Tenants.World world = tenants.create();
        String org = world.districtA().id();
        String kid =
                JWSObject.parse(keys.sign(org, "JWT", Map.of())).getHeader().getKeyID();
        String thumbprint = kid.substring(kid.indexOf('#') + 1);

        assertMarkFails(world.districtAdminB(), kid, "stolen", "ACCESS_DENIED");
        assertMarkFails(world.districtAdminA(), kid, " ", "REQUIRED");
        assertMarkFails(world.districtAdminA(), kid, "x".repeat(501), "LENGTH_OUT_OF_RANGE");
        assertMarkFails(world.districtAdminA(), kid + "x", "stolen", "ISSUER_KEY_NOT_FOUND");
        assertMarkFails(
                world.districtAdminA(),
                keys.issuerDid(world.districtB().id()) + "#" + thumbprint,
                "stolen",
                "ISSUER_KEY_NOT_FOUND");
        assertThat(keys.verificationKey(thumbprint).orElseThrow().status()).isEqualTo(IssuerKey.KeyStatus.ACTIVE);

        as(world.platformAdmin())
                .document(MARK)
                .variable("kid", thumbprint)
                .variable("reason", "x".repeat(500))
                .execute()
                .path("markIssuerKeyCompromised.status")
                .entity(String.class)
                .isEqualTo("COMPROMISED");
        assertMarkFails(world.districtAdminA(), kid, "again", "ISSUER_KEY_ALREADY_COMPROMISED");
        assertThat(keys.verificationKey("no-such-thumbprint")).isEmpty();
    }

    @Test
    void signingNeverUsesACompromisedKeyAndRotationDoesNotUndoTheMark() throws Exception {
        Tenants.World world = tenants.create();
        String org = world.districtA().id();
        // Rotation leaves the new key active but not yet opened for signing on this instance.
        String kid = as(world.districtAdminA())
                .document("mutation($o: ID!) { rotateIssuerKey(organizationId: $o) { kid } }")
                .variable("o", org)
                .execute()
                .path("rotateIssuerKey.kid")
                .entity(String.class)
                .get();
        String thumbprint = kid.substring(kid.indexOf('#') + 1);
        // As if marked compromised between another request's replacement check and its mark.
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(thumbprint)),
                new Update().set("status", IssuerKey.KeyStatus.COMPROMISED),
                IssuerKey.class);

        assertThat(JWSObject.parse(keys.sign(org, "JWT", Map.of())).getHeader().getKeyID())
                .isNotEqualTo(kid);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(org)),
                new Update().set("thumbprint", thumbprint),
                ActiveKey.class);
        as(world.districtAdminA())
                .document("mutation($o: ID!) { rotateIssuerKey(organizationId: $o) { kid } }")
                .variable("o", org)
                .execute()
                .path("rotateIssuerKey.kid")
                .hasValue();
        assertThat(keys.verificationKey(thumbprint).orElseThrow().compromised()).isTrue();
    }

    private void assertMarkFails(Tenants.User user, String kid, String reason, String code) {
        as(user).document(MARK)
                .variable("kid", kid)
                .variable("reason", reason)
                .execute()
                .errors()
                .expect(e -> code.equals(e.getExtensions().get("code")))
                .verify();
    }

    @Test
    void didDocumentListsKeysUnderAssertionMethodAndIsCacheable() {
        String org = tenants.create().districtA().id();
        String kid = keys.sign(org, "JWT", Map.of()).split("\\.")[0];
        Map<?, ?> did = http().get()
                .uri("/issuers/" + org + "/did.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value("Cache-Control", v -> assertThat(v).contains("public").contains("max-age"))
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(did.get("id")).isEqualTo("did:web:localhost%3A8080:issuers:" + org);
        assertThat((List<?>) did.get("assertionMethod")).hasSize(1);
        for (Object method : (List<?>) did.get("verificationMethod")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> jwk = (Map<String, Object>) ((Map<?, ?>) method).get("publicKeyJwk");
            assertThat(jwk).containsKey("x").doesNotContainKey("d");
        }
        assertThat(kid).isNotBlank();
        http().get()
                .uri("/issuers/no-such-org/did.json")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private JWKSet jwks() throws Exception {
        String body = http().get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return JWKSet.parse(body);
    }
}
