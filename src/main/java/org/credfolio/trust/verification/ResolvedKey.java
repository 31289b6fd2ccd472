package org.credfolio.trust.verification;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import org.credfolio.trust.keys.JwkFactory;

/**
 * A public key the verifier found itself, for a key id in a token header.
 *
 * @param controller the DID that controls the key: the issuer (or holder) it speaks for
 * @param algorithm the only algorithm this key may verify
 * @param compromisedReason why the key was marked compromised; null when it was not
 * @param verifier a verifier made once for the key and kept with it; null to make one per use
 */
record ResolvedKey(JWK jwk, String controller, String algorithm, String compromisedReason, JWSVerifier verifier) {
    ResolvedKey(JWK jwk, String controller, String algorithm, String compromisedReason) {
        this(jwk, controller, algorithm, compromisedReason, null);
    }

    /** The verifier made once for a key this service keeps; a new one for any other. */
    JWSVerifier verifierForUse() {
        return verifier != null ? verifier : JwkFactory.verifier(jwk);
    }

    static String algorithmOf(JWK jwk) {
        return switch (jwk.getKeyType().getValue()) {
            case "EC" -> "ES256";
            case "RSA" -> "RS256";
            case "OKP" -> "EdDSA";
            default -> null;
        };
    }
}
