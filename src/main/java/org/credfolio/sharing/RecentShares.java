package org.credfolio.sharing;

import java.time.Duration;
import org.credfolio.shared.cache.RecentReads;
import org.credfolio.shared.security.SecretTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Shares as their public page and presentation open them, by token, remembered for at most {@code
 * credfolio.sharing.read-ttl} (1 s; 0 turns it off), so that a link many people open at once reads
 * its share once a second. Expiry is not decided here: the caller checks it against the clock on
 * every view.
 *
 * <p>A withdrawal through this instance forgets the share ({@link #forget}), so this instance never
 * shows a link it withdrew ({@link RecentReads}); on another instance (several on one MongoDB) a
 * withdrawn link stops within the time to live. Unknown tokens are not remembered: a link made on
 * another instance opens at once.
 */
@Component
class RecentShares {
    private final MongoOperations mongo;
    // A share is a few hundred bytes; the links opened in the same second are far fewer.
    private final RecentReads<String, Share> byTokenHash;

    RecentShares(MongoOperations mongo, @Value("${credfolio.sharing.read-ttl:1s}") Duration ttl) {
        this.mongo = mongo;
        this.byTokenHash = new RecentReads<>(ttl, 10_000);
    }

    /** The share with this token, active or not, or null (a malformed token is not looked up). */
    Share byToken(String token) {
        if (!SecretTokens.isWellFormed(token)) {
            return null;
        }
        String hash = SecretTokens.hash(token);
        return byTokenHash.get(
                hash,
                () -> mongo.findOne(Query.query(Criteria.where("tokenHash").is(hash)), Share.class));
    }

    /** Called after a share is withdrawn. */
    void forget(Share share) {
        byTokenHash.forget(share.tokenHash());
    }
}
