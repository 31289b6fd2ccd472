package org.credfolio.learner;

import java.time.Duration;
import java.util.function.Supplier;
import org.credfolio.shared.cache.RecentReads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed-in learners' own records, remembered for at most {@code credfolio.learner.own-record-ttl}
 * (1 s; 0 turns it off), so that a portfolio page and the requests around it read the learner once:
 * each embedded-store round trip costs about an eighth of a portfolio read. Keyed by the learner's
 * own id, so an entry only ever answers that learner's {@code me}. A change made through this
 * service's profile operations forgets the record at once ({@link RecentReads}); one made on another
 * instance, or by a roster import, shows within the time to live.
 */
@Component
class OwnLearnerRecords {
    private final RecentReads<String, Learner> records;

    OwnLearnerRecords(@Value("${credfolio.learner.own-record-ttl:1s}") Duration ttl) {
        this.records = new RecentReads<>(ttl, 10_000);
    }

    Learner get(String learnerId, Supplier<Learner> read) {
        return records.get(learnerId, read);
    }

    void forget(String learnerId) {
        records.forget(learnerId);
    }
}
