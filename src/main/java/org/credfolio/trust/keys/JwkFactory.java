package org.credfolio.trust.keys;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import org.credfolio.trust.integrity.EddsaRdfc2022;

/** Key generation and signer construction; the only place that knows each algorithm's key type. */
public final class JwkFactory {
    private JwkFactory() {}

    static JWK generate(KeyAlgorithm algorithm) {
        try {
            return switch (algorithm) {
                case ES256 ->
                    new ECKeyGenerator(Curve.P_256)
                            .provider(CryptoProvider.provider())
                            .generate();
                case RS256 ->
                    new RSAKeyGenerator(2048)
                            .provider(CryptoProvider.provider())
                            .generate();
                // Tink's Ed25519 in nimbus, not JCA: there is no provider to choose
                case EdDSA -> new OctetKeyPairGenerator(Curve.Ed25519).generate();
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a " + algorithm + " key", e);
        }
    }

    /** A signer for a private JWK, working through {@link CryptoProvider}. */
    static JWSSigner signer(JWK privateJwk) {
        try {
            if (privateJwk instanceof OctetKeyPair okp) {
                return new Ed25519Signer(okp);
            }
            JWSSigner signer =
                    privateJwk instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) privateJwk);
            signer.getJCAContext().setProvider(CryptoProvider.provider());
            return signer;
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot use key " + privateJwk.getKeyID() + " to sign", e);
        }
    }

    /**
     * A verifier for a public JWK; the algorithm is checked against the key before this is used.
     * Verifiers are thread-safe: one made for a key the verifier keeps can serve every request.
     */
    public static JWSVerifier verifier(JWK publicJwk) {
        try {
            if (publicJwk instanceof OctetKeyPair okp) {
                return new Ed25519Verifier(okp);
            }
            // An EC key made by the provider that verifies, so it need not translate the key on
            // every verification (ACCP would convert a JDK key to its own each time).
            JWSVerifier verifier = publicJwk instanceof ECKey ec
                    ? new ECDSAVerifier(ec.toECPublicKey(CryptoProvider.provider()))
                    : new RSASSAVerifier((RSAKey) publicJwk);
            verifier.getJCAContext().setProvider(CryptoProvider.provider());
            return verifier;
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot use key " + publicJwk.getKeyID() + " to verify", e);
        }
    }

    public static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("Stored key is not a JWK", e);
        }
    }

    /** The raw 32-byte public key of an Ed25519 JWK, or null for any other key. */
    public static byte[] ed25519PublicKey(JWK jwk) {
        return jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())
                ? okp.getX().decode()
                : null;
    }

    /** The public JWK of raw Ed25519 key bytes, as a Multikey carries them. */
    public static JWK ed25519Jwk(byte[] publicKey) {
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(publicKey)).build();
    }

    /** Raw Ed25519 signing with the private half of an OKP key, for Data Integrity proofs. */
    static EddsaRdfc2022.Ed25519Signing rawEd25519Signer(JWK privateJwk) {
        if (!(privateJwk instanceof OctetKeyPair okp) || okp.getD() == null) {
            return null;
        }
        try {
            Ed25519Sign sign = new Ed25519Sign(okp.getD().decode());
            return data -> {
                try {
                    return sign.sign(data);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("Ed25519 signing failed", e);
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use an Ed25519 key to sign", e);
        }
    }

    public static String thumbprint(JWK jwk) {
        try {
            return jwk.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot compute the key thumbprint", e);
        }
    }
}
