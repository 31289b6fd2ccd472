package org.credfolio.trust.verification;

/**
 * One named step of a verification and its outcome, in words a registrar or an employer can act
 * on.
 *
 * @param name stable name: parse, algorithm, header, issuer, key, signature, claims, validity,
 *     revocation, suspension, openBadges; for presentations also holder, audience, nonce
 */
public record VerificationCheck(String name, boolean passed, String reason) {
    static VerificationCheck pass(String name, String reason) {
        return new VerificationCheck(name, true, reason);
    }

    static VerificationCheck fail(String name, String reason) {
        return new VerificationCheck(name, false, reason);
    }
}
