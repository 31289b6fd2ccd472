package org.credfolio.sharing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.credfolio.shared.security.SecretTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Shares as their public page and presentation open them, by token, remembered for at most {@code
 * credfolio.sharing.read-ttl} (1 s; 0 turns it off), so that a link many people open at once reads
 * its share once a second. Expiry is not remembered: the caller checks it against the clock on
 * every view.
 *
 * <p>A withdrawal through this instance forgets the share ({@link #forget}), and a read that
 * overlapped a withdrawal is not kept, so this instance never shows a link it withdrew; on another
 * instance (several on one MongoDB) a withdrawn link stops within the time to live. Unknown tokens
 * are not remembered: a link made on another instance opens at once.
 */
@Component
class RecentShares {
    private final MongoOperations mongo;
    private final boolean enabled;
    private final Cache<String, Share> byTokenHash;
    /** Counts withdrawals, so a read that overlapped one can tell and not be remembered. */
    private final AtomicLong withdrawals = new AtomicLong();

    RecentShares(MongoOperations mongo, @Value("${credfolio.sharing.read-ttl:1s}") Duration ttl) {
        this.mongo = mongo;
        this.enabled = !ttl.isZero() && !ttl.isNegative();
        this.byTokenHash = Caffeine.newBuilder()
                // A share is a few hundred bytes; the links open in the same second are far fewer.
                .maximumSize(10_000)
                .expireAfterWrite(enabled ? ttl : Duration.ofNanos(1))
                .build();
    }

    /** The share with this token, active or not, or null (a malformed token is not looked up). */
    Share byToken(String token) {
        if (!SecretTokens.isWellFormed(token)) {
            return null;
        }
        String hash = SecretTokens.hash(token);
        Share remembered = enabled ? byTokenHash.getIfPresent(hash) : null;
        if (remembered != null) {
            return remembered;
        }
        long withdrawalsBefore = withdrawals.get();
        Share read = mongo.findOne(Query.query(Criteria.where("tokenHash").is(hash)), Share.class);
        if (enabled && read != null) {
            byTokenHash.put(hash, read);
            // A withdrawal whose forget ran between this read and the put would be outlived by
            // it: forget counts before it invalidates, so such a withdrawal shows here.
            if (withdrawals.get() != withdrawalsBefore) {
                byTokenHash.invalidate(hash);
            }
        }
        return read;
    }

    /** Called after a share is withdrawn. */
    void forget(Share share) {
        withdrawals.incrementAndGet();
        byTokenHash.invalidate(share.tokenHash());
    }
}
