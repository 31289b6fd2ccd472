package org.credfolio.shared.store;

import com.mongodb.MongoBulkWriteException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Inserts the documents of a seed whose ids are not stored yet, so that a seed that stopped half
 * way can run again. Two instances seeding one MongoDB at once both try some ids: the loser's
 * duplicate keys are the winner's copies, so they are not errors.
 */
public final class MissingDocuments {
    private static final int DUPLICATE_KEY = 11000;

    private MissingDocuments() {}

    /** Inserts the items whose id is not in the collection yet; returns how many it inserted. */
    public static <T> int insert(MongoOperations mongo, List<T> items, Function<T, String> id, Class<T> type) {
        Set<String> existing = ids(mongo, mongo.getCollectionName(type));
        List<T> missing = items.stream()
                .filter(item -> !existing.contains(id.apply(item)))
                .toList();
        if (missing.isEmpty()) {
            return 0;
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type)
                    .insert(missing)
                    .execute();
            return missing.size();
        } catch (BulkOperationException e) {
            if (e.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                return missing.size() - e.getErrors().size();
            }
            throw e;
        } catch (DuplicateKeyException e) {
            if (e.getCause() instanceof MongoBulkWriteException bulk
                    && bulk.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                return missing.size() - bulk.getWriteErrors().size();
            }
            throw e;
        }
    }

    /** The ids stored in a collection. */
    public static Set<String> ids(MongoOperations mongo, String collection) {
        Query idsOnly = new Query();
        idsOnly.fields().include("_id");
        Set<String> ids = new HashSet<>();
        mongo.find(idsOnly, Document.class, collection).forEach(doc -> ids.add(String.valueOf(doc.get("_id"))));
        return ids;
    }
}
