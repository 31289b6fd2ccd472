package org.credfolio.trust.keys;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One signing key of an issuing organization. The private half is stored only sealed (see
 * {@link KeyEncryption}); the public half is published until the key is marked compromised.
 *
 * @param thumbprint RFC 7638 JWK thumbprint, also the fragment of the key's id in the DID document
 */
@Document("issuer_keys")
// An organization's keys are read for its DID document and JWKS.
@CompoundIndex(name = "organization_status", def = "{'organizationId': 1, 'status': 1}")
public record IssuerKey(
        @Id String thumbprint,
        String organizationId,
        KeyAlgorithm algorithm,
        String publicJwk,
        byte[] sealedPrivateJwk,
        KeyStatus status,
        Instant createdAt,
        Instant statusChangedAt,
        String statusReason) {

    enum KeyStatus {
        /** Signs new credentials. */
        ACTIVE,
        /** Replaced by a newer key; still verifies what it signed. */
        RETIRED,
        /** Must not be trusted: not published, and what it signed fails verification. */
        COMPROMISED
    }
}
