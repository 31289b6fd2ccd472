package org.credfolio.shared.security;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers tokens already verified, until they expire: a client sends the same bearer token with
 * every request, and checking its signature each time is a measurable share of a small request.
 * Only successfully verified tokens are kept; expiry is checked again on every use.
 */
class VerifiedTokenCache implements JwtDecoder {
    private final JwtDecoder delegate;
    private final Map<String, Jwt> verified;

    VerifiedTokenCache(JwtDecoder delegate, int maxEntries) {
        this.delegate = delegate;
        this.verified = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Jwt> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public Jwt decode(String token) {
        synchronized (verified) {
            Jwt cached = verified.get(token);
            if (cached != null && Instant.now().isBefore(cached.getExpiresAt())) {
                return cached;
            }
            // Expired or unknown: the real decoder verifies it, or produces the usual error.
            verified.remove(token);
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null) {
            synchronized (verified) {
                verified.put(token, jwt);
            }
        }
        return jwt;
    }
}
