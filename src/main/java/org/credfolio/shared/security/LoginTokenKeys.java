package org.credfolio.shared.security;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The built-in login's signing key pair, or nothing when an external OpenID Connect issuer is used.
 * The private key is used only here, to mint login tokens.
 */
public final class LoginTokenKeys {
    private final RSAPublicKey publicKey;
    private final JwtEncoder encoder;

    LoginTokenKeys(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        this.publicKey = publicKey;
        this.encoder = privateKey == null
                ? null
                : NimbusJwtEncoder.withKeyPair(publicKey, privateKey).build();
    }

    static LoginTokenKeys disabled() {
        return new LoginTokenKeys(null, null);
    }

    RSAPublicKey publicKey() {
        return publicKey;
    }

    public boolean enabled() {
        return encoder != null;
    }

    /** Signs an RS256 access token with the given claims; empty when built-in login is off. */
    public Optional<String> mint(String issuer, String subject, Instant expiresAt, Map<String, Object> claims) {
        if (encoder == null) {
            return Optional.empty();
        }
        JwtClaimsSet.Builder set = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(subject)
                .issuedAt(Instant.now())
                .expiresAt(expiresAt);
        claims.forEach(set::claim);
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").build();
        return Optional.of(
                encoder.encode(JwtEncoderParameters.from(header, set.build())).getTokenValue());
    }
}
