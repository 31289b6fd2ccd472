package org.credfolio.awards;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.credfolio.shared.cache.RecentReads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Learners' awards as read for display (portfolios, share pages), remembered for at most
 * {@code credfolio.awards.read-ttl} (1 s; 0 turns it off), so that a page and the requests around
 * it, or a share link many people open at once, read each learner's awards once.
 *
 * <p>Every write to a learner's awards through this instance forgets them ({@link #forget}), so
 * this instance never shows an award list older than its own last write ({@link RecentReads}). A
 * write made by another instance (several instances on one MongoDB) shows within the time to live.
 * Checks that decide a write (duplicates, the per-learner limit, status changes) read the store,
 * never this.
 */
@Component
class RecentLearnerAwards {
    private final MongoOperations mongo;
    // About 1 KB an award: a few thousand learners' portfolios at most.
    private final RecentReads<String, LearnerAwards> recent;

    RecentLearnerAwards(MongoOperations mongo, @Value("${credfolio.awards.read-ttl:1s}") Duration ttl) {
        this.mongo = mongo;
        this.recent = new RecentReads<>(ttl, 5_000);
    }

    /** The awards documents of these learners, by learner id; learners with none are left out. */
    Map<String, LearnerAwards> byLearner(Collection<String> learnerIds) {
        return recent.getAll(learnerIds, this::read);
    }

    private Map<String, LearnerAwards> read(Set<String> learnerIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(learnerIds)), LearnerAwards.class).stream()
                .map(RecentLearnerAwards::unmodifiable)
                .collect(Collectors.toMap(LearnerAwards::learnerId, a -> a, (a, b) -> a));
    }

    /** Shared by every request that reads it, so no caller can change it for the others. */
    private static LearnerAwards unmodifiable(LearnerAwards read) {
        return read.credentials() == null
                ? read
                : new LearnerAwards(read.learnerId(), read.districtId(), List.copyOf(read.credentials()));
    }

    /** The awards document of one learner, or null if they hold none. */
    LearnerAwards of(String learnerId) {
        return byLearner(Set.of(learnerId)).get(learnerId);
    }

    /** Called after every write to a learner's awards. */
    void forget(String learnerId) {
        recent.forget(learnerId);
    }

    /** Called after writes to many learners' awards at once (seeding). */
    void forgetAll() {
        recent.forgetAll();
    }
}
