package org.credfolio.trust.verification;

import java.util.List;

/**
 * The outcome of verifying a presentation: its own checks (holder signature, audience, nonce) and
 * one verification per enveloped credential. Verified only when all of them are.
 */
public record PresentationVerification(
        boolean verified, List<VerificationCheck> checks, String holder, List<CredentialVerification> credentials) {}
