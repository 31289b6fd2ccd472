package org.credfolio.awards;

import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Bulk insert of earned credentials for demo and benchmark data, bypassing the per-award checks of
 * {@link AwardManagement}. Not reachable from the API; callers load trusted, generated data only.
 */
@Component
public class AwardSeeding {
    private final MongoOperations mongo;
    private final RecentLearnerAwards recent;

    AwardSeeding(MongoOperations mongo, RecentLearnerAwards recent) {
        this.mongo = mongo;
        this.recent = recent;
    }

    /** Inserts each learner's earned credentials as that learner's awards document. */
    public void insertAll(Map<String, String> districtByLearner, Map<String, List<Award>> awardsByLearner) {
        List<LearnerAwards> docs = awardsByLearner.entrySet().stream()
                .map(e -> new LearnerAwards(e.getKey(), districtByLearner.get(e.getKey()), e.getValue()))
                .toList();
        try {
            mongo.insert(docs, LearnerAwards.class);
        } finally {
            recent.forgetAll();
        }
    }
}
