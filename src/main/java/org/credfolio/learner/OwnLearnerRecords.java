package org.credfolio.learner;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed-in learners' own records, remembered for at most {@code credfolio.learner.own-record-ttl}
 * (1 s; 0 turns it off), so that a portfolio page and the requests around it read the learner once:
 * each embedded-store round trip costs about an eighth of a portfolio read. Keyed by the learner's
 * own id, so an entry only ever answers that learner's {@code me}. A change made through this
 * service's profile operations forgets the record at once; one made on another instance, or by a
 * roster import, shows within the time to live.
 */
@Component
class OwnLearnerRecords {
    private final boolean enabled;
    private final Cache<String, Learner> records;

    OwnLearnerRecords(@Value("${credfolio.learner.own-record-ttl:1s}") Duration ttl) {
        this.enabled = !ttl.isZero() && !ttl.isNegative();
        this.records = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(enabled ? ttl : Duration.ofNanos(1))
                .build();
    }

    Learner get(String learnerId, Supplier<Learner> read) {
        if (!enabled) {
            return read.get();
        }
        Learner known = records.getIfPresent(learnerId);
        if (known != null) {
            return known;
        }
        Learner learner = read.get();
        records.put(learnerId, learner);
        return learner;
    }

    void forget(String learnerId) {
        records.invalidate(learnerId);
    }
}
