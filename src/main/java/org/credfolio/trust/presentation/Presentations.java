package org.credfolio.trust.presentation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credfolio.trust.CredentialForms;
import org.credfolio.trust.keys.HolderKeys;
import org.credfolio.trust.verification.VcClaims;
import org.springframework.stereotype.Service;

/**
 * Builds a learner's presentation: a {@code vp+jwt} (a VC 2.0 VerifiablePresentation enveloping the
 * chosen credentials as {@code EnvelopedVerifiableCredential}s) or the Data Integrity form (the
 * credentials embedded, an {@code eddsa-rdfc-2022} proof), signed with the learner's custodial
 * holder keys, bound to a verifier's audience and challenge when given. Server code calls this after its
 * own authorization (the sharing module checks the share link).
 */
@Service
public class Presentations {
    /** A presentation is for one verification, not for keeping. */
    static final Duration LIFETIME = Duration.ofMinutes(15);

    private final HolderKeys holderKeys;

    Presentations(HolderKeys holderKeys) {
        this.holderKeys = holderKeys;
    }

    /**
     * @param audience the verifier's domain ({@code aud}), or null
     * @param nonce the verifier's challenge, or null
     */
    public String present(String learnerId, List<String> credentialJwts, String audience, String nonce) {
        String holder = holderKeys.holderDid(learnerId);
        Instant now = Instant.now();
        Map<String, Object> vp = new LinkedHashMap<>();
        vp.put("@context", List.of(VcClaims.VC2_CONTEXT));
        vp.put("id", "urn:uuid:" + UUID.randomUUID());
        vp.put("type", List.of("VerifiablePresentation"));
        vp.put("holder", holder);
        vp.put(
                "verifiableCredential",
                credentialJwts.stream().map(CredentialForms::envelope).toList());
        vp.put("iss", holder);
        if (audience != null && !audience.isBlank()) {
            vp.put("aud", audience);
        }
        if (nonce != null && !nonce.isBlank()) {
            vp.put("nonce", nonce);
        }
        vp.put("iat", now.getEpochSecond());
        vp.put("exp", now.plus(LIFETIME).getEpochSecond());
        return holderKeys.sign(learnerId, "vp+jwt", vp);
    }

    /**
     * The same presentation as JSON-LD secured with the learner's Data Integrity proof
     * ({@code eddsa-rdfc-2022}, purpose authentication, challenge and domain in the proof), holding
     * the credentials in their Data Integrity form, for wallets and verifiers of that family.
     */
    public Map<String, Object> presentSecured(
            String learnerId, List<Map<String, Object>> securedCredentials, String domain, String challenge) {
        Map<String, Object> vp = new LinkedHashMap<>();
        vp.put("@context", List.of(VcClaims.VC2_CONTEXT));
        vp.put("id", "urn:uuid:" + UUID.randomUUID());
        vp.put("type", List.of("VerifiablePresentation"));
        vp.put("holder", holderKeys.holderDid(learnerId));
        vp.put("verifiableCredential", securedCredentials);
        return holderKeys.secure(learnerId, vp, challenge, domain);
    }
}
