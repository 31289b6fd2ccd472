package org.credfolio.trust.keys;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.Map;

/**
 * Benchmark baselines: plain nimbus signing and verification with the same JCA provider and key
 * types the service uses, and none of its checks. Test code only.
 */
public final class RawJose {
    private final JWKSet published;

    private RawJose(JWKSet published) {
        this.published = published;
    }

    /** Verifies against keys from a JWKS document, as a plain relying party would. */
    public static RawJose fromJwks(String jwksJson) throws Exception {
        return new RawJose(JWKSet.parse(jwksJson));
    }

    public boolean verify(String token) throws Exception {
        JWSObject jws = JWSObject.parse(token);
        JWK key = published.getKeyByKeyId(jws.getHeader().getKeyID());
        JWSVerifier verifier = JwkFactory.verifier(key);
        return jws.verify(verifier);
    }

    /** A fresh ES256 signer, for signing that skips the service. */
    public static Signer es256() {
        JWK key = JwkFactory.generate(KeyAlgorithm.ES256);
        return claims -> {
            JWSObject jws = new JWSObject(
                    new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.ES256)
                            .keyID(key.getKeyID())
                            .build(),
                    new com.nimbusds.jose.Payload(claims));
            jws.sign(JwkFactory.signer(key));
            return jws.serialize();
        };
    }

    public interface Signer {
        String sign(Map<String, Object> claims) throws Exception;
    }

    public static String providerName() {
        CryptoProvider.Choice choice = CryptoProvider.current();
        return choice.name() + " " + choice.version() + (choice.nativeCode() ? " (native)" : " (Java)");
    }
}
