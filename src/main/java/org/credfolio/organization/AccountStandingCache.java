package org.credfolio.organization;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Remembers for a moment that an account was in good standing at a token version, so that a
 * client's burst of requests (a portfolio page, a registrar's list) reads the account once instead
 * of once per request. Only good standing is kept, never a refusal. A change made through this
 * instance (password, role, disabling) forgets the account at once; one made through another
 * instance takes effect here within the time to live ({@code credfolio.security.standing-cache-ttl},
 * 1 s; {@code 0} reads the account on every request).
 */
@Component
class AccountStandingCache {
    private final Cache<String, Long> goodVersions;
    private final boolean enabled;

    AccountStandingCache(@Value("${credfolio.security.standing-cache-ttl:1s}") Duration ttl) {
        this.enabled = !ttl.isZero() && !ttl.isNegative();
        this.goodVersions = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(enabled ? ttl : Duration.ofNanos(1))
                .build();
    }

    boolean inGoodStanding(String accountId, long version) {
        Long good = enabled ? goodVersions.getIfPresent(accountId) : null;
        return good != null && good == version;
    }

    void rememberGood(String accountId, long version) {
        if (enabled) {
            goodVersions.put(accountId, version);
        }
    }

    void forget(String accountId) {
        goodVersions.invalidate(accountId);
    }
}
