package org.credfolio.shared.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers tokens already verified, until they expire: a client sends the same bearer token with
 * every request, and checking its signature each time is a measurable share of a small request.
 * Only successfully verified tokens are kept; expiry is checked again on every use.
 */
class VerifiedTokenCache implements JwtDecoder {
    private final JwtDecoder delegate;
    private final Cache<String, Jwt> verified;

    VerifiedTokenCache(JwtDecoder delegate, int maxEntries) {
        this.delegate = delegate;
        this.verified = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    @Override
    public Jwt decode(String token) {
        Jwt cached = verified.getIfPresent(token);
        if (cached != null && Instant.now().isBefore(cached.getExpiresAt())) {
            return cached;
        }
        // Expired or unknown: the real decoder verifies it, or produces the usual error.
        verified.invalidate(token);
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
        return jwt;
    }
}
