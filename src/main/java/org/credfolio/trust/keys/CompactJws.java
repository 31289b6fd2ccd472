package org.credfolio.trust.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.JWK;
import java.util.Map;

/** Compact JWS serialization: the header names the key, the key decides the algorithm. */
final class CompactJws {
    private CompactJws() {}

    static String sign(JWK privateJwk, KeyAlgorithm algorithm, String kid, String type, Map<String, Object> claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.parse(algorithm.name()))
                .keyID(kid)
                .type(new JOSEObjectType(type))
                .build();
        JWSObject jws = new JWSObject(header, new Payload(claims));
        try {
            jws.sign(JwkFactory.signer(privateJwk));
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing failed with key " + kid, e);
        }
        return jws.serialize();
    }
}
