package org.credfolio.trust.verification;

import java.util.List;

/**
 * The outcome of verifying one credential: verified only when every check passed.
 *
 * @param summary what the credential says; null when it could not even be read
 * @param jwt the compact credential that was checked
 * @param credential the credential's content once its signature verified (the VC 1.1 {@code vc}
 *     claim unwrapped), for callers that act on it; null when the signature did not verify
 */
public record CredentialVerification(
        boolean verified,
        List<VerificationCheck> checks,
        CredentialSummary summary,
        String jwt,
        java.util.Map<String, Object> credential) {}
