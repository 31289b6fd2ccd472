package org.credfolio.shared.store;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Health of the embedded store. Boot's MongoDB indicator sends {@code hello}, which the embedded
 * server does not implement; {@code ping} answers the same question: can we reach the store.
 */
class EmbeddedStoreHealth extends AbstractHealthIndicator {
    private final MongoOperations mongo;

    EmbeddedStoreHealth(MongoOperations mongo) {
        super("Embedded store health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("store", "embedded (mongo-java-server)");
    }
}
