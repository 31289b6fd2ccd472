package org.credfolio.shared.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How callers are authenticated.
 *
 * @param tokenIssuer the {@code iss} of tokens from the built-in login
 * @param tokenTtl how long a built-in login token is valid
 * @param loginKeyFile PKCS#8 PEM file with the RSA key that signs login tokens; created (owner
 *     readable only) when absent. Every instance behind a load balancer must share it.
 * @param oidcIssuerUri when set, tokens come from this OpenID Connect issuer and the built-in login
 *     is off
 * @param oidcAudience when set, tokens from the external issuer must name this audience
 * @param claims the claims that carry role, organization and learner
 * @param trustedProxies addresses or CIDRs of the reverse proxies whose {@code X-Forwarded-For} is
 *     believed when finding the client's address for login throttling (see {@link
 *     ClientAddresses}); none by default, so the connection's own address counts
 */
@ConfigurationProperties("credfolio.security")
public record SecurityProperties(
        String tokenIssuer,
        Duration tokenTtl,
        String loginKeyFile,
        String oidcIssuerUri,
        String oidcAudience,
        Claims claims,
        List<String> trustedProxies) {

    public SecurityProperties {
        tokenIssuer = tokenIssuer == null ? "credfolio" : tokenIssuer;
        tokenTtl = tokenTtl == null ? Duration.ofHours(1) : tokenTtl;
        loginKeyFile = loginKeyFile == null ? "data/login-token-key.pem" : loginKeyFile;
        claims = claims == null ? new Claims(null, null, null) : claims;
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    public boolean builtInLogin() {
        return oidcIssuerUri == null || oidcIssuerUri.isBlank();
    }

    /** Claim names; defaults match the tokens of the built-in login. */
    public record Claims(String role, String organization, String learner) {
        public Claims {
            role = role == null ? "role" : role;
            organization = organization == null ? "org" : organization;
            learner = learner == null ? "learner" : learner;
        }
    }
}
