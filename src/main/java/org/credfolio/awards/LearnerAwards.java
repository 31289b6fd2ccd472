package org.credfolio.awards;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * All credentials one learner earned, in one document keyed by the learner id: a portfolio is read
 * by {@code _id} in one round trip, and every change is a single-document atomic update.
 */
@Document("awards")
// Every district report starts from the district's learners' awards.
@CompoundIndex(name = "district", def = "{'districtId': 1}")
record LearnerAwards(@Id String learnerId, String districtId, List<Award> credentials) {}
