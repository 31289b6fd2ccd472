package org.credfolio.awards;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.credfolio.trust.verification.CredentialSummary;
import org.credfolio.trust.verification.CredentialVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Revocation as an outside verifier sees it (a bit in a published status list) and suspension as
 * this service's verifier reports it (found through the credential's one status entry).
 */
class CredentialStatusTest extends IntegrationTest {
    private static final String JWT = "query($id: ID!) { learner(id: $id) { credentials { id jwt } } }";
    private Tenants.World world;
    private String awardId;
    private String jwt;
    private Map<String, Object> revocation;

    @Autowired
    private CredentialVerifier verifier;

    @BeforeEach
    void issue() throws Exception {
        world = tenants.create();
        awardId = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.welding().id(),
                LocalDate.now().minusDays(3));
        jwt = as(world.registrarA())
                .document(JWT)
                .variable("id", world.learnerA().id())
                .execute()
                .path("learner.credentials[0].jwt")
                .entity(String.class)
                .get();
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = (Map<String, Object>)
                JWSObject.parse(jwt).getPayload().toJSONObject().get("credentialStatus");
        revocation = entry;
    }

    @Test
    void credentialCarriesOneRevocationEntryAtARandomIndex() {
        // Open Badges 3.0 allows one credentialStatus: an object, not a list.
        assertThat(revocation.get("statusPurpose")).isEqualTo("revocation");
        assertThat(revocation.get("type")).isEqualTo("BitstringStatusListEntry");
        assertThat((String) revocation.get("statusListIndex")).matches("[0-9]+");
        assertThat((String) revocation.get("statusListCredential")).startsWith("http://localhost:8080/status-lists/");
        assertThat(revocation.get("id"))
                .isEqualTo(revocation.get("statusListCredential") + "#" + revocation.get("statusListIndex"));
    }

    @Test
    void publishedListsAreSignedGzippedMsbFirstAndFollowStatusChanges() throws Exception {
        assertThat(bit()).isFalse();
        assertThat(standing()).isEqualTo(CredentialSummary.Status.ACTIVE);

        change("suspendEarnedCredential", "Exam under review");
        assertThat(standing()).isEqualTo(CredentialSummary.Status.SUSPENDED);
        assertThat(bit()).isFalse();

        change("reinstateEarnedCredential", "Review cleared");
        assertThat(standing()).isEqualTo(CredentialSummary.Status.ACTIVE);

        change("revokeEarnedCredential", "Score voided by the certifying body");
        assertThat(bit()).isTrue();
        assertThat(standing()).isEqualTo(CredentialSummary.Status.REVOKED);
    }

    private CredentialSummary.Status standing() {
        return verifier.verifyCredential(jwt).summary().status();
    }

    @Test
    void unknownListIsNotFound() {
        http().get()
                .uri("/status-lists/0123456789abcdef01234567")
                .exchange()
                .expectStatus()
                .isNotFound();
        http().get()
                .uri("/status-lists/..%2F..%2Fetc")
                .exchange()
                .expectStatus()
                .is4xxClientError();
    }

    private void change(String mutation, String reason) {
        as(world.registrarA())
                .document("mutation($i: StatusChangeInput!) { " + mutation + "(input: $i) { status } }")
                .variable("i", Map.of("id", awardId, "reason", reason))
                .execute()
                .errors()
                .verify();
    }

    /** Fetches the list over HTTP as a verifier would, checks its signature, and reads one bit. */
    private boolean bit() throws Exception {
        Map<String, Object> entry = revocation;
        String purpose = "revocation";
        String path = ((String) entry.get("statusListCredential")).replace("http://localhost:8080", "");
        EntityExchangeResult<String> response = http().get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/vc+jwt")
                .expectBody(String.class)
                .returnResult();
        assertThat(response.getResponseHeaders().getCacheControl()).contains("max-age=60");
        JWSObject list = JWSObject.parse(response.getResponseBody());
        JWKSet jwks = JWKSet.parse(http().get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        assertThat(list.verify(new ECDSAVerifier(
                        (ECKey) jwks.getKeyByKeyId(list.getHeader().getKeyID()))))
                .isTrue();
        Map<String, Object> vc = list.getPayload().toJSONObject();
        assertThat(vc.get("type")).isEqualTo(List.of("VerifiableCredential", "BitstringStatusListCredential"));
        Map<?, ?> subject = (Map<?, ?>) vc.get("credentialSubject");
        assertThat(subject.get("statusPurpose")).isEqualTo(purpose);
        String encoded = (String) subject.get("encodedList");
        assertThat(encoded).startsWith("u");
        byte[] bits = new GZIPInputStream(
                        new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))
                .readAllBytes();
        assertThat(bits.length * 8).isGreaterThanOrEqualTo(131_072);
        int index = Integer.parseInt((String) entry.get("statusListIndex"));
        // Index 0 is the left-most bit: the most significant bit of the first byte.
        return (bits[index / 8] & (0x80 >> (index % 8))) != 0;
    }
}
