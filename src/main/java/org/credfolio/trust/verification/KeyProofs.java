package org.credfolio.trust.verification;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.credfolio.trust.integrity.DataIntegrityException;
import org.credfolio.trust.integrity.DidKey;
import org.credfolio.trust.keys.JwkFactory;
import org.springframework.stereotype.Service;

/**
 * OpenID4VCI key proofs of type {@code jwt} ({@code typ: openid4vci-proof+jwt}): the wallet signs the
 * credential issuer as audience and a {@code c_nonce} of this issuer with the key the credential is to
 * be bound to. Only Ed25519 {@code did:key} keys named by {@code kid} are accepted (alg EdDSA).
 *
 * <p>A nonce is either the one the token response carried (draft 13 wallets) or one from the nonce
 * endpoint (OpenID4VCI 1.0). The latter are {@link Challenges}, bound to a purpose of their own so
 * that a presentation challenge is never a valid nonce, and used up by the proof that carries them.
 */
@Service
public class KeyProofs {
    static final String TYPE = "openid4vci-proof+jwt";
    private static final String NONCE_PURPOSE = "openid4vci c_nonce";
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final Challenges challenges;

    KeyProofs(Challenges challenges) {
        this.challenges = challenges;
    }

    /** Why a key proof is refused; {@link #badNonce()} when only its nonce is wrong (ask for a new one). */
    public static final class Refused extends RuntimeException {
        private final boolean badNonce;

        Refused(String message) {
            this(message, false);
        }

        Refused(String message, boolean badNonce) {
            super(message, null, false, false);
            this.badNonce = badNonce;
        }

        public boolean badNonce() {
            return badNonce;
        }
    }

    /** A fresh nonce for the nonce endpoint: valid for ten minutes, for one key proof. */
    public Challenges.Challenge nonce() {
        return challenges.issue(NONCE_PURPOSE);
    }

    /**
     * The did:key the proof was made with, when it is signed by it, for this audience, and carries
     * either {@code tokenNonce} or an unused nonce from {@link #nonce()}.
     */
    public String holderDid(String jwt, String audience, String tokenNonce) {
        if (jwt == null) {
            throw new Refused("No jwt key proof was sent.");
        }
        JWSObject jws;
        Map<String, Object> claims;
        try {
            jws = JWSObject.parse(jwt);
            claims = jws.getPayload().toJSONObject();
        } catch (ParseException e) {
            throw new Refused("The key proof is not a compact JWS with a JSON payload.");
        }
        if (claims == null) {
            throw new Refused("The key proof's payload is not a JSON object.");
        }
        if (jws.getHeader().getType() == null
                || !TYPE.equals(jws.getHeader().getType().getType())) {
            throw new Refused("The key proof's typ must be " + TYPE + ".");
        }
        if (!JWSAlgorithm.EdDSA.equals(jws.getHeader().getAlgorithm())
                && !"Ed25519".equals(jws.getHeader().getAlgorithm().getName())) {
            throw new Refused("The key proof's alg must be EdDSA (an Ed25519 did:key).");
        }
        String kid = jws.getHeader().getKeyID();
        byte[] publicKey;
        try {
            publicKey = DidKey.resolve(kid);
        } catch (DataIntegrityException e) {
            throw new Refused("The key proof's kid must be an Ed25519 did:key URL: " + e.getMessage());
        }
        try {
            if (!jws.verify(JwkFactory.verifier(JwkFactory.ed25519Jwk(publicKey)))) {
                throw new Refused("The key proof's signature does not verify with " + kid + ".");
            }
        } catch (JOSEException e) {
            throw new Refused("The key proof's signature does not verify with " + kid + ".");
        }
        Object aud = claims.get("aud");
        List<?> audiences = aud instanceof List<?> l ? l : aud == null ? List.of() : List.of(aud);
        if (!audiences.contains(audience)) {
            throw new Refused("The key proof's aud must be the credential issuer " + audience + ".");
        }
        Instant now = Instant.now();
        if (!(claims.get("iat") instanceof Number iat)
                || Instant.ofEpochSecond(iat.longValue()).isAfter(now.plus(SKEW))
                || Instant.ofEpochSecond(iat.longValue()).isBefore(now.minus(SKEW))) {
            throw new Refused("The key proof's iat must be within five minutes of now.");
        }
        // Checked last: a nonce from the nonce endpoint is used up by the check.
        checkNonce(claims.get("nonce"), tokenNonce);
        int hash = kid.indexOf('#');
        return hash < 0 ? kid : kid.substring(0, hash);
    }

    private void checkNonce(Object nonce, String tokenNonce) {
        if (!(nonce instanceof String value) || value.isEmpty()) {
            throw new Refused("The key proof carries no nonce; take a c_nonce from the nonce endpoint.", true);
        }
        if (value.equals(tokenNonce)) {
            return;
        }
        if (challenges.consume(value, NONCE_PURPOSE) != null) {
            throw new Refused(
                    "The key proof's nonce was not handed out by this issuer, has expired (a c_nonce lasts ten"
                            + " minutes) or was used already; take a new one from the nonce endpoint.",
                    true);
        }
    }
}
