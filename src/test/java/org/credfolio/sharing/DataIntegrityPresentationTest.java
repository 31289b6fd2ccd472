package org.credfolio.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A share's presentation in its Data Integrity form, as a wallet-family verifier meets it: JSON-LD
 * holding the credentials with their own proofs, proved by the learner's Ed25519 holder key (a
 * Multikey in the learner's DID document) for authentication, bound to the verifier's challenge
 * and domain, accepted once, refused when altered.
 */
class DataIntegrityPresentationTest extends SharingTestBase {
    private static final String DOMAIN = "admissions.college.example";
    private String token;

    @BeforeEach
    void shareIt() {
        token = share(List.of(awardId));
    }

    @Test
    void challengeBoundPresentationVerifiesOnceAndItsReplayIsRefused() {
        String challenge = challenge(DOMAIN);
        Map<String, Object> vp = download("?challenge=" + challenge + "&domain=" + DOMAIN);

        Map<?, ?> proof = (Map<?, ?>) vp.get("proof");
        String holder = "did:web:localhost%3A8080:learners:" + world.learnerA().id();
        assertThat(proof.get("cryptosuite")).isEqualTo("eddsa-rdfc-2022");
        assertThat(proof.get("proofPurpose")).isEqualTo("authentication");
        assertThat(proof.get("challenge")).isEqualTo(challenge);
        assertThat(proof.get("domain")).isEqualTo(DOMAIN);
        assertThat((String) proof.get("verificationMethod")).startsWith(holder + "#z6Mk");
        Map<?, ?> credential = (Map<?, ?>) ((List<?>) vp.get("verifiableCredential")).get(0);
        assertThat(((Map<?, ?>) credential.get("proof")).get("cryptosuite")).isEqualTo("eddsa-rdfc-2022");

        Map<?, ?> first = verify(vp, challenge, 200);
        assertThat(first.get("verified")).as(String.valueOf(first)).isEqualTo(true);
        assertThat(first.get("holder")).isEqualTo(holder);
        assertThat(first.toString()).contains("name=nonce, passed=true");

        Map<?, ?> replay = verify(vp, challenge, 400);
        assertThat(replay.toString()).contains("name=nonce, passed=false");
    }

    @Test
    void holdersMultikeyIsInTheirDidDocument() {
        Map<String, Object> vp = download("");
        String method = (String) ((Map<?, ?>) vp.get("proof")).get("verificationMethod");
        Map<?, ?> did = http().get()
                .uri("/learners/" + world.learnerA().id() + "/did.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(((List<?>) did.get("authentication")).contains(method)).isTrue();
        assertThat((List<?>) did.get("verificationMethod")).anySatisfy(m -> {
            assertThat(((Map<?, ?>) m).get("id")).isEqualTo(method);
            assertThat(((Map<?, ?>) m).get("type")).isEqualTo("Multikey");
        });
    }

    @Test
    void alteredPresentationOrCredentialInsideIsRefused() {
        Map<String, Object> vp = download("");
        Map<String, Object> otherHolder = new LinkedHashMap<>(vp);
        otherHolder.put("holder", "did:web:localhost%3A8080:learners:someone-else");
        assertThat(verify(otherHolder, null, 400).toString()).contains("name=signature, passed=false");

        @SuppressWarnings("unchecked")
        Map<String, Object> credential =
                new LinkedHashMap<>((Map<String, Object>) ((List<?>) vp.get("verifiableCredential")).get(0));
        credential.put("name", "Certified Master Welder");
        Map<String, Object> swapped = new LinkedHashMap<>(vp);
        swapped.put("verifiableCredential", List.of(credential));
        Map<?, ?> result = verify(swapped, null, 400);
        assertThat(result.get("verified")).isEqualTo(false);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> download(String query) {
        return http().get()
                .uri("/shares/" + token + "/presentation" + query)
                .header("Accept", "application/vp+ld+json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/vp+ld+json")
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private Map<?, ?> verify(Map<String, Object> vp, String challenge, int status) {
        Map<String, Object> options = new HashMap<>();
        if (challenge != null) {
            options.put("challenge", challenge);
            options.put("domain", DOMAIN);
        }
        return http().post()
                .uri("/presentations/verify")
                .bodyValue(Map.of("verifiablePresentation", vp, "options", options))
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }
}
