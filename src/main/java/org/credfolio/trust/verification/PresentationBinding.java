package org.credfolio.trust.verification;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What binds a presentation to one verification, whatever its form: the audience ({@code aud} of
 * a vp+jwt, {@code proof.domain} of a Data Integrity presentation) and the one-time challenge
 * ({@code nonce}, or {@code proof.challenge}) this verifier handed out.
 */
@Component
class PresentationBinding {
    private final Challenges challenges;

    PresentationBinding(Challenges challenges) {
        this.challenges = challenges;
    }

    static void checkAudience(Object aud, String domain, Checks checks) {
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

    void checkNonce(Object nonce, String challenge, String domain, Checks checks) {
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
}
