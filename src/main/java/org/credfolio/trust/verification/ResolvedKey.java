package org.credfolio.trust.verification;

import com.nimbusds.jose.jwk.JWK;

/**
 * A public key the verifier found itself, for a key id in a token header.
 *
 * @param controller the DID that controls the key: the issuer (or holder) it speaks for
 * @param algorithm the only algorithm this key may verify
 * @param compromisedReason why the key was marked compromised; null when it was not
 */
record ResolvedKey(JWK jwk, String controller, String algorithm, String compromisedReason) {
    static String algorithmOf(JWK jwk) {
        return switch (jwk.getKeyType().getValue()) {
            case "EC" -> "ES256";
            case "RSA" -> "RS256";
            case "OKP" -> "EdDSA";
            default -> null;
        };
    }
}
