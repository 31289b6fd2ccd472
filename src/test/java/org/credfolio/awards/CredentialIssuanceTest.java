package org.credfolio.awards;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

class CredentialIssuanceTest extends IntegrationTest {
    private static final String JWT = "query($id: ID!) { learner(id: $id) { credentials { id status jwt } } }";

    @Autowired
    MongoOperations mongo;

    private Tenants.World world;
    private String awardId;

    @BeforeEach
    void record() {
        world = tenants.create();
        awardId = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.welding().id(),
                LocalDate.now().minusDays(5));
    }

    private String jwtAsLearner() {
        return as(world.learner())
                .document(JWT)
                .variable("id", world.learnerA().id())
                .execute()
                .path("learner.credentials[0].jwt")
                .entity(String.class)
                .get();
    }

    @Test
    void recordedCredentialIsAnOpenBadgeVcJwtThatVerifiesWithThePublishedKey() throws Exception {
        JWSObject jws = JWSObject.parse(jwtAsLearner());
        String issuerDid =
                "did:web:localhost%3A8080:issuers:" + world.districtA().id();

        assertThat(jws.getHeader().getType().toString()).isEqualTo("vc+jwt");
        assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(jws.getHeader().getKeyID()).startsWith(issuerDid + "#");
        JWKSet jwks = JWKSet.parse(http().get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        assertThat(jws.verify(new ECDSAVerifier(
                        (ECKey) jwks.getKeyByKeyId(jws.getHeader().getKeyID()))))
                .isTrue();

        Map<String, Object> vc = jws.getPayload().toJSONObject();
        assertThat(((List<?>) vc.get("@context")).get(0)).isEqualTo("https://www.w3.org/ns/credentials/v2");
        assertThat(vc.get("type")).isEqualTo(List.of("VerifiableCredential", "OpenBadgeCredential"));
        assertThat(((Map<?, ?>) vc.get("issuer")).get("id")).isEqualTo(issuerDid);
        assertThat(vc)
                .containsKeys("iss", "sub", "nbf", "iat", "exp", "validFrom", "validUntil", "proof")
                .doesNotContainKeys("vc", "jti");
        Map<?, ?> subject = (Map<?, ?>) vc.get("credentialSubject");
        assertThat(subject.containsKey("identifier")).isFalse();
        Map<?, ?> achievement = (Map<?, ?>) subject.get("achievement");
        assertThat(achievement.get("achievementType")).isEqualTo("Certification");
        assertThat(achievement.get("name")).isEqualTo(world.welding().name());
        String payload = jws.getPayload().toString();
        assertThat(payload).doesNotContain("Ana", "Alvarez", world.learnerA().studentId());
    }

    @Test
    void credentialIsAlsoOfferedAsJsonAndInItsEnvelopedForm() {
        String jwt = jwtAsLearner();
        var response = as(world.learner())
                .document("query($id: ID!) { learner(id: $id) { credentials { credentialJson envelopedCredential } } }")
                .variable("id", world.learnerA().id())
                .execute();
        Map<?, ?> json = response.path("learner.credentials[0].credentialJson")
                .entity(Map.class)
                .get();
        assertThat(json.get("type")).isEqualTo(List.of("VerifiableCredential", "OpenBadgeCredential"));
        Map<?, ?> enveloped = response.path("learner.credentials[0].envelopedCredential")
                .entity(Map.class)
                .get();
        assertThat(enveloped.get("type")).isEqualTo("EnvelopedVerifiableCredential");
        assertThat(enveloped.get("id")).isEqualTo("data:application/vc+jwt," + jwt);
    }

    @Test
    void issuingIsIdempotent() {
        String first = jwtAsLearner();
        assertThat(jwtAsLearner()).isEqualTo(first);
        assertThat(mongo.count(Query.query(Criteria.where("_id").is(awardId)), IssuedCredential.class))
                .isEqualTo(1);
    }

    @Test
    void revokedCredentialIsNoLongerHandedOut() {
        as(world.registrarA())
                .document("mutation($i: StatusChangeInput!) { revokeEarnedCredential(input: $i) { status } }")
                .variable("i", Map.of("id", awardId, "reason", "Score voided"))
                .execute();
        as(world.learner())
                .document(JWT)
                .variable("id", world.learnerA().id())
                .execute()
                .path("learner.credentials[0].jwt")
                .valueIsNull();
    }
}
