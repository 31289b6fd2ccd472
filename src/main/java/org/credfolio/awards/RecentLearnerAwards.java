package org.credfolio.awards;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
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
 * <p>Every write to a learner's awards through this instance forgets them ({@link #forget}), and a
 * read that overlapped any such write is not kept, so this instance never shows an award list older
 * than its own last write. A write made by another instance (several instances on one
 * MongoDB) shows within the time to live. Checks that decide a write (duplicates, the per-learner
 * limit, status changes) read the store, never this.
 */
@Component
class RecentLearnerAwards {
    private final MongoOperations mongo;
    private final boolean enabled;
    private final Cache<String, LearnerAwards> recent;
    /** Counts writes, so a read that overlapped one can tell and not be remembered. */
    private final AtomicLong writes = new AtomicLong();

    RecentLearnerAwards(MongoOperations mongo, @Value("${credfolio.awards.read-ttl:1s}") Duration ttl) {
        this.mongo = mongo;
        this.enabled = !ttl.isZero() && !ttl.isNegative();
        this.recent = Caffeine.newBuilder()
                // About 1 KB an award: a few thousand learners' portfolios at most.
                .maximumSize(5_000)
                .expireAfterWrite(enabled ? ttl : Duration.ofNanos(1))
                .build();
    }

    /** The awards documents of these learners, by learner id; learners with none are left out. */
    Map<String, LearnerAwards> byLearner(Collection<String> learnerIds) {
        Map<String, LearnerAwards> found = new HashMap<>(enabled ? recent.getAllPresent(learnerIds) : Map.of());
        Set<String> missing =
                learnerIds.stream().filter(id -> !found.containsKey(id)).collect(Collectors.toSet());
        if (missing.isEmpty()) {
            return found;
        }
        long writesBefore = writes.get();
        Map<String, LearnerAwards> read =
                mongo.find(Query.query(Criteria.where("_id").in(missing)), LearnerAwards.class).stream()
                        .map(RecentLearnerAwards::unmodifiable)
                        .collect(Collectors.toMap(LearnerAwards::learnerId, a -> a, (a, b) -> a));
        if (enabled) {
            recent.putAll(read);
            // A write whose forget ran between this read and the put above would be outlived by
            // it: forget counts before it invalidates, so such a write shows here.
            if (writes.get() != writesBefore) {
                recent.invalidateAll(read.keySet());
            }
        }
        found.putAll(read);
        return found;
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
        writes.incrementAndGet();
        recent.invalidate(learnerId);
    }

    /** Called after writes to many learners' awards at once (seeding). */
    void forgetAll() {
        writes.incrementAndGet();
        recent.invalidateAll();
    }
}
