package org.credfolio.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

class IssuerKeysTest extends IntegrationTest {
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
