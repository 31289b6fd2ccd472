package org.credfolio.trust;

import java.util.List;

/**
 * The outcome of verifying one credential: verified only when every check passed.
 *
 * @param summary what the credential says; null when it could not even be read
 * @param jwt the compact credential that was checked, for callers that need its claims
 */
public record CredentialVerification(
        boolean verified, List<VerificationCheck> checks, CredentialSummary summary, String jwt) {}
