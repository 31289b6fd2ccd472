package org.credfolio.trust.verification;

/**
 * What a verified credential says, for display beside its checks. Values come from the signed
 * payload; {@code status} is the verifier's conclusion.
 */
public record CredentialSummary(
        String credentialId,
        String issuerId,
        String issuerName,
        String subjectId,
        String achievementName,
        String achievementType,
        String validFrom,
        String validUntil,
        Status status) {

    public enum Status {
        /** Verified and currently valid. */
        ACTIVE,
        /** Verified, but its validity ended. */
        EXPIRED,
        /** Verified, but its validity has not started. */
        NOT_YET_VALID,
        /** Suspended by its issuer; may be reinstated. */
        SUSPENDED,
        /** Revoked by its issuer for good. */
        REVOKED,
        /** Not verifiable: malformed, wrongly signed, from an untrusted issuer or under a compromised key. */
        INVALID
    }
}
