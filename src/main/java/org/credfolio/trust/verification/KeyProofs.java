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
 * credential issuer as audience and the issuer's {@code c_nonce} with the key the credential is to be
 * bound to. Only Ed25519 {@code did:key} keys named by {@code kid} are accepted (alg EdDSA).
 */
@Service
public class KeyProofs {
    static final String TYPE = "openid4vci-proof+jwt";
    private static final Duration SKEW = Duration.ofMinutes(5);

    /** Why a key proof is refused. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** The did:key the proof was made with, when it is signed by it, for this audience and nonce. */
    public String holderDid(String jwt, String audience, String nonce) {
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
        if (nonce == null || !nonce.equals(claims.get("nonce"))) {
            throw new Refused("The key proof does not carry the c_nonce this issuer handed out.");
        }
        Instant now = Instant.now();
        if (!(claims.get("iat") instanceof Number iat)
                || Instant.ofEpochSecond(iat.longValue()).isAfter(now.plus(SKEW))
                || Instant.ofEpochSecond(iat.longValue()).isBefore(now.minus(SKEW))) {
            throw new Refused("The key proof's iat must be within five minutes of now.");
        }
        int hash = kid.indexOf('#');
        return hash < 0 ? kid : kid.substring(0, hash);
    }
}
