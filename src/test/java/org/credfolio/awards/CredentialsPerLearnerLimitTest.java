package org.credfolio.awards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A learner's earned credentials share one document, which MongoDB caps at 16 MB: past a bound far
 * below it, recording another is refused with a clear error instead of a store failure.
 */
class CredentialsPerLearnerLimitTest extends IntegrationTest {
    @Autowired
    MongoOperations mongo;

    @Test
    void theFiveHundredAndFirstCredentialIsRefusedInWords() {
        Tenants.World world = tenants.create();
        String learnerId = world.learnerA().id();
        recordCredential(
                world.registrarA(),
                learnerId,
                world.welding().id(),
                LocalDate.now().minusDays(1));
        // Fill the learner's document to the bound with copies of that award.
        Document held = mongo.findById(learnerId, Document.class, "awards");
        Document first = held.getList("credentials", Document.class).get(0);
        List<Document> copies = new ArrayList<>();
        for (int i = 1; i < AwardManagement.MAX_PER_LEARNER; i++) {
            Document copy = new Document(first);
            String idKey = first.containsKey("_id") ? "_id" : "id";
            copy.put(idKey, first.get(idKey) + "-" + i);
            copy.put("dedupKey", first.get("dedupKey") + "-" + i);
            copies.add(copy);
        }
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(learnerId)),
                new Update().push("credentials").each(copies.toArray()),
                "awards");

        as(world.registrarA())
                .document("mutation($i: RecordCredentialInput!) { recordEarnedCredential(input: $i) { id } }")
                .variable(
                        "i",
                        java.util.Map.of(
                                "learnerId",
                                learnerId,
                                "credentialId",
                                world.aPlus().id(),
                                "earnedOn",
                                LocalDate.now().minusDays(1).toString()))
                .execute()
                .errors()
                .expect(e -> "LEARNER_CREDENTIAL_LIMIT".equals(e.getExtensions().get("code"))
                        && "learnerId".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("500 earned credentials"))
                .verify();
    }
}
