package org.credfolio.shared.security;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Checks a built-in login token's account standing after its signature and expiry (which may come
 * from the cache) on every request: the standing is the account's own, remembered in good standing
 * for at most a second ({@code credfolio.security.standing-cache-ttl}).
 */
class StandingCheckingDecoder implements JwtDecoder {
    private final JwtDecoder delegate;
    private final ObjectProvider<TokenStanding> standing;

    StandingCheckingDecoder(JwtDecoder delegate, ObjectProvider<TokenStanding> standing) {
        this.delegate = delegate;
        this.standing = standing;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = delegate.decode(token);
        TokenStanding check = standing.getIfAvailable();
        if (check != null) {
            Object version = jwt.getClaims().get(TokenStanding.VERSION_CLAIM);
            long minted = version instanceof Number n ? n.longValue() : 0;
            Optional<String> refusal = check.refusal(jwt.getSubject(), minted);
            if (refusal.isPresent()) {
                throw new BadJwtException(refusal.get());
            }
        }
        return jwt;
    }
}
