package org.credfolio.trust.verification;

import com.nimbusds.jose.JWSObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.credfolio.trust.CredentialForms;
import org.springframework.stereotype.Service;

/**
 * Verifies a {@code vp+jwt}: the holder's signature with a key the verifier resolves itself, the
 * audience and the one-time challenge when the verifier gives them, that every credential is about
 * the holder, and each enveloped credential through {@link CredentialVerifier}.
 */
@Service
public class PresentationVerifier {
    /** More credentials than any share holds; bounds the work one request can cause. */
    static final int MAX_CREDENTIALS = 50;

    private final JoseHeaderPolicy policy = JoseHeaderPolicy.forPresentations();
    private final SignatureVerification signatures;
    private final CredentialVerifier credentials;
    private final Challenges challenges;

    PresentationVerifier(SignatureVerification signatures, CredentialVerifier credentials, Challenges challenges) {
        this.signatures = signatures;
        this.credentials = credentials;
        this.challenges = challenges;
    }

    /**
     * @param challenge the challenge this verifier handed out for this presentation, or null
     * @param domain the audience this verifier expects, or null
     */
    public PresentationVerification verifyPresentation(String input, String challenge, String domain) {
        String token = CredentialForms.compact(input, CredentialForms.PRESENTATION_DATA_URL);
        Checks checks = new Checks();
        JoseHeaderPolicy.Parsed parsed = policy.check(token, checks);
        if (parsed == null) {
            return new PresentationVerification(false, checks.list(), null, List.of());
        }
        JWSObject jws = parsed.jws();
        Map<String, Object> payload = parsed.payload();
        @SuppressWarnings("unchecked")
        Map<String, Object> vp = payload.get("vp") instanceof Map<?, ?> legacy ? (Map<String, Object>) legacy : payload;
        String holder = vp.get("holder") instanceof String h ? h : payload.get("iss") instanceof String i ? i : null;
        ResolvedKey key = signatures.verify(jws, token, "holder", checks);
        if (key == null) {
            return new PresentationVerification(false, checks.list(), holder, List.of());
        }
        if (!CredentialVerifier.strings(vp.get("type")).contains("VerifiablePresentation")) {
            checks.fail("claims", "The payload is not a VerifiablePresentation.");
        } else if (holder == null || !holder.equals(key.controller())) {
            checks.fail("claims", "Signed by " + key.controller() + " but presented as holder " + holder + ".");
        } else {
            checks.pass("claims", "Presented and signed by holder " + holder + ".");
        }
        CredentialVerifier.checkValidity(VcClaims.of(payload), checks, Instant.now());
        checkAudience(payload.get("aud"), domain, checks);
        checkNonce(payload.get("nonce"), challenge, domain, checks);
        List<CredentialVerification> results = verifyEnveloped(vp.get("verifiableCredential"), holder, checks);
        boolean verified = checks.allPassed() && results.stream().allMatch(CredentialVerification::verified);
        return new PresentationVerification(verified, checks.list(), holder, results);
    }

    private static void checkAudience(Object aud, String domain, Checks checks) {
        List<String> audiences = CredentialVerifier.strings(aud);
        if (domain == null || domain.isBlank()) {
            if (audiences.isEmpty()) {
                checks.pass("audience", "The presentation is not bound to an audience.");
            } else {
                checks.fail(
                        "audience",
                        "The presentation is meant for " + audiences + "; give the domain you expect to verify it.");
            }
        } else if (audiences.contains(domain)) {
            checks.pass("audience", "Meant for " + domain + ".");
        } else {
            checks.fail(
                    "audience",
                    "Meant for " + (audiences.isEmpty() ? "no particular audience" : audiences) + ", not for " + domain
                            + ".");
        }
    }

    private void checkNonce(Object nonce, String challenge, String domain, Checks checks) {
        if (challenge == null || challenge.isBlank()) {
            checks.pass("nonce", "No challenge was given, so freshness was not checked.");
            return;
        }
        if (!challenge.equals(nonce)) {
            checks.fail(
                    "nonce",
                    "The presentation answers " + (nonce == null ? "no challenge" : "another challenge") + ".");
            return;
        }
        String refusal = challenges.consume(challenge, domain == null || domain.isBlank() ? null : domain);
        if (refusal != null) {
            checks.fail("nonce", refusal);
        } else {
            checks.pass("nonce", "Answers this verifier's challenge, for the first time.");
        }
    }

    private List<CredentialVerification> verifyEnveloped(Object enveloped, String holder, Checks checks) {
        List<?> items = enveloped instanceof List<?> list ? list : enveloped == null ? List.of() : List.of(enveloped);
        if (items.isEmpty()) {
            checks.fail("credentials", "The presentation holds no credentials.");
            return List.of();
        }
        if (items.size() > MAX_CREDENTIALS) {
            checks.fail(
                    "credentials",
                    "The presentation holds " + items.size() + " credentials; at most " + MAX_CREDENTIALS
                            + " are verified.");
            return List.of();
        }
        List<CredentialVerification> results = new ArrayList<>();
        boolean allAboutHolder = true;
        for (Object item : items) {
            String jwt = CredentialForms.fromEnvelope(item);
            CredentialVerification result = credentials.verifyCredential(jwt == null ? "" : jwt);
            results.add(result);
            allAboutHolder &= result.summary() != null
                    && holder != null
                    && holder.equals(result.summary().subjectId());
        }
        if (allAboutHolder) {
            checks.pass("credentials", results.size() + " enveloped credential(s), each about the holder.");
        } else {
            checks.fail(
                    "credentials",
                    "Some credential is not about the holder: a presentation may only carry the holder's own credentials.");
        }
        return results;
    }
}
