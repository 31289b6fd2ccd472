package org.credfolio.trust.keys;

import com.nimbusds.jose.jwk.JWK;
import org.credfolio.trust.keys.IssuerKey.KeyStatus;

/**
 * What a verifier needs to know about an issuer key named in a JWS header: whose it is, its
 * algorithm, whether it may still be trusted (and why not), and its public half. Compromised keys
 * are found too, so that verification can fail with the reason rather than "unknown key".
 *
 * @param organizationId the issuing organization; the key's DID is {@code TrustProperties.issuerDid}
 *     of it
 * @param thumbprint RFC 7638 thumbprint, the fragment of the {@code kid}
 * @param statusReason why the key was retired or marked compromised; null while active
 * @param publicJwk the public JWK as JSON (no private members)
 */
public record VerificationKey(
        String organizationId,
        String thumbprint,
        KeyAlgorithm algorithm,
        KeyStatus status,
        String statusReason,
        String publicJwk) {

    static VerificationKey of(IssuerKey key) {
        return new VerificationKey(
                key.organizationId(),
                key.thumbprint(),
                key.algorithm(),
                key.status(),
                key.statusReason(),
                key.publicJwk());
    }

    /** Whether what this key signed must fail verification. */
    public boolean compromised() {
        return status == KeyStatus.COMPROMISED;
    }

    /** The public key, parsed, for {@link JwkFactory#verifier}. */
    public JWK jwk() {
        return JwkFactory.parse(publicJwk);
    }
}
