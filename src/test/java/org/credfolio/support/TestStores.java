package org.credfolio.support;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Chooses the store the integration tests run on: a real MongoDB in a container where Docker is
 * available, the embedded store otherwise. {@code -Dcredfolio.test.store=embedded} or
 * {@code =mongodb} forces either.
 */
public final class TestStores {
    /** The MongoDB the tests and the HTTP benchmark run on: the one docker-compose.yml deploys. */
    public static final String MONGO_IMAGE = "mongo:8.0";

    private static MongoDBContainer container;

    private TestStores() {}

    public static synchronized MongoDBContainer mongoDbOrNull() {
        String wanted = System.getProperty("credfolio.test.store", "auto");
        boolean useMongo = wanted.equals("mongodb")
                || (wanted.equals("auto") && DockerClientFactory.instance().isDockerAvailable());
        if (!useMongo) {
            return null;
        }
        if (container == null) {
            container = new MongoDBContainer(MONGO_IMAGE);
            container.start();
        }
        return container;
    }
}
