package org.credfolio.shared.security;

import java.util.Arrays;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a verified JWT into a {@link CredfolioAuthentication}. The claim names are configurable so
 * that a district's own OpenID Connect provider can be used as it is.
 */
class TokenClaims implements Converter<Jwt, AbstractAuthenticationToken> {
    private final SecurityProperties.Claims claims;

    TokenClaims(SecurityProperties.Claims claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String roleName = jwt.getClaimAsString(claims.role());
        Role role = Arrays.stream(Role.values())
                .filter(r -> r.name().equalsIgnoreCase(roleName))
                .findFirst()
                .orElseThrow(() -> new InvalidBearerTokenException(
                        "The token's '" + claims.role() + "' claim names no known role."));
        String org = jwt.getClaimAsString(claims.organization());
        if (org == null && role != Role.PLATFORM_ADMIN) {
            throw new InvalidBearerTokenException(
                    "The token has no '" + claims.organization() + "' claim naming the organization.");
        }
        String learner = jwt.getClaimAsString(claims.learner());
        if (role == Role.LEARNER && learner == null) {
            throw new InvalidBearerTokenException(
                    "A learner's token needs a '" + claims.learner() + "' claim naming the learner.");
        }
        return new CredfolioAuthentication(jwt, new CurrentUser(jwt.getSubject(), role, org, learner));
    }
}
