package org.credfolio.trust.keys;

import com.nimbusds.jose.jwk.JWK;

/**
 * A learner's holder key as a verifier of their presentations needs it.
 *
 * @param did the learner's did:web; the key's {@code kid} is {@code did#thumbprint}
 * @param publicJwk the public JWK as JSON (no private members)
 */
public record HolderVerificationKey(
        String learnerId, String did, String thumbprint, KeyAlgorithm algorithm, String publicJwk) {

    /** The key id used in JWS headers and in the learner's DID document. */
    public String kid() {
        return did + "#" + thumbprint;
    }

    /** The public key, parsed, for {@link JwkFactory#verifier}. */
    public JWK jwk() {
        return JwkFactory.parse(publicJwk);
    }
}
