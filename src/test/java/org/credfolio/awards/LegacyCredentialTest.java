package org.credfolio.awards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.credfolio.trust.CredentialForms;
import org.credfolio.trust.keys.IssuerKeys;
import org.credfolio.trust.verification.CredentialSummary;
import org.credfolio.trust.verification.CredentialVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Credentials issued before Data Integrity (two status entries, a salted student-id hash, a
 * {@code jti}, no stored Data Integrity form) keep verifying as they are, and get a Data Integrity
 * form on first request that carries neither the hash nor the second entry, and still reports
 * their suspension.
 */
class LegacyCredentialTest extends IntegrationTest {
    private static final String LDP = "query($id: ID!) { learner(id: $id) { credentials { id ldpCredential } } }";

    @Autowired
    MongoOperations mongo;

    @Autowired
    IssuerKeys keys;

    @Autowired
    CredentialVerifier verifier;

    private Tenants.World world;
    private String awardId;
    private String legacyJwt;

    @BeforeEach
    void issueTheOldWay() {
        world = tenants.create();
        awardId = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.welding().id(),
                LocalDate.now().minusDays(5));
        ldpCredential(); // issues the credential
        IssuedCredential current = mongo.findById(awardId, IssuedCredential.class);
        Map<String, Object> payload = new LinkedHashMap<>(CredentialForms.payload(current.jwt()));
        payload.remove("proof");
        payload.put("jti", payload.get("id"));
        payload.put("credentialStatus", List.of(payload.get("credentialStatus"), suspensionEntry(current)));
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = new LinkedHashMap<>((Map<String, Object>) payload.get("credentialSubject"));
        subject.put(
                "identifier",
                List.of(Map.of(
                        "type", "IdentityObject",
                        "identityType", "ext:studentId",
                        "hashed", true,
                        "salt", "00112233445566778899aabbccddeeff",
                        "identityHash", "sha256$0000000000000000000000000000000000000000000000000000000000000000")));
        payload.put("credentialSubject", subject);
        legacyJwt = keys.sign(world.districtA().id(), "vc+jwt", payload);
        mongo.save(
                new IssuedCredential(awardId, current.learnerId(), legacyJwt, null, current.status(), Instant.now()));
        // Before this release the revocation entry did not record where the suspension bit lives.
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(current.status().revocationEntry())),
                new Update().unset("suspensionEntry"),
                "status_list_entries");
    }

    @Test
    void oldVcJwtStillVerifies() {
        assertThat(verifier.verifyCredential(legacyJwt).verified()).isTrue();
    }

    @Test
    void itsDataIntegrityFormDropsTheHashAndTheSecondEntryAndVerifies() {
        Map<String, Object> ldp = ldpCredential();
        Map<?, ?> subject = (Map<?, ?>) ldp.get("credentialSubject");
        assertThat(subject.containsKey("identifier")).isFalse();
        assertThat(ldp.get("credentialStatus")).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) ldp.get("credentialStatus")).get("statusPurpose"))
                .isEqualTo("revocation");
        assertThat(ldp).doesNotContainKey("jti");
        assertThat(verifier.verifyCredential(CredentialForms.json(ldp)).verified())
                .isTrue();
        // Stored once: the second read gives the same proof.
        assertThat(ldpCredential().get("proof")).isEqualTo(ldp.get("proof"));
    }

    @Test
    void suspensionStillShowsInBothForms() {
        Map<String, Object> ldp = ldpCredential();
        as(world.registrarA())
                .document("mutation($i: StatusChangeInput!) { suspendEarnedCredential(input: $i) { status } }")
                .variable("i", Map.of("id", awardId, "reason", "Exam under review"))
                .execute()
                .errors()
                .verify();
        assertThat(verifier.verifyCredential(CredentialForms.json(ldp))
                        .summary()
                        .status())
                .isEqualTo(CredentialSummary.Status.SUSPENDED);
        assertThat(verifier.verifyCredential(legacyJwt).summary().status())
                .isEqualTo(CredentialSummary.Status.SUSPENDED);
    }

    private Map<String, Object> ldpCredential() {
        return as(world.registrarA())
                .document(LDP)
                .variable("id", world.learnerA().id())
                .execute()
                .path("learner.credentials[0].ldpCredential")
                .entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    private static Map<String, Object> suspensionEntry(IssuedCredential credential) {
        String key = credential.status().suspensionEntry();
        String list = "http://localhost:8080/status-lists/" + key.substring(0, key.lastIndexOf(':'));
        String index = key.substring(key.lastIndexOf(':') + 1);
        return Map.of(
                "id",
                list + "#" + index,
                "type",
                "BitstringStatusListEntry",
                "statusPurpose",
                "suspension",
                "statusListIndex",
                index,
                "statusListCredential",
                list);
    }
}
