package org.credfolio.shared.security;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.util.function.SingletonSupplier;

/**
 * Checks a built-in login token's account standing after its signature and expiry (which may come
 * from the cache) on every request: the standing is the account's own, remembered in good standing
 * for at most a second ({@code credfolio.security.standing-cache-ttl}).
 */
class StandingCheckingDecoder implements JwtDecoder {
    private final JwtDecoder delegate;
    /** Looked up once: resolving it from the bean factory on every request cost 3% of a request. */
    private final SingletonSupplier<TokenStanding> standing;

    StandingCheckingDecoder(JwtDecoder delegate, ObjectProvider<TokenStanding> standing) {
        this.delegate = delegate;
        this.standing = SingletonSupplier.of(standing::getIfAvailable);
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = delegate.decode(token);
        TokenStanding check = standing.get();
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
