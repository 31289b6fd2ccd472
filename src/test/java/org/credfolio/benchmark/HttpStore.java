package org.credfolio.benchmark;

import java.util.List;
import org.credfolio.support.TestStores;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Where the HTTP benchmark's server keeps its data: the embedded H2 store in the run's data
 * directory (the default, and what a newcomer runs), or, with {@code http.store=mongodb}, a MongoDB
 * in a container, the production store, for what the same reads cost there. The data directory is
 * used either way: it holds the key files that the server and the token mint share.
 */
final class HttpStore implements AutoCloseable {
    private final MongoDBContainer mongo;

    private HttpStore(MongoDBContainer mongo) {
        this.mongo = mongo;
    }

    static HttpStore start(boolean mongoDb) {
        if (!mongoDb) {
            return new HttpStore(null);
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException(
                    "http.store=mongodb runs MongoDB in a container, and Docker is not available here");
        }
        MongoDBContainer mongo = new MongoDBContainer(TestStores.MONGO_IMAGE);
        mongo.start();
        return new HttpStore(mongo);
    }

    /** The application's arguments that point it at this store (none for the embedded one). */
    List<String> applicationArgs() {
        return mongo == null ? List.of() : List.of("--spring.mongodb.uri=" + mongo.getReplicaSetUrl("credfolio"));
    }

    /** Whether the server's store is its data directory alone, so the mint must read a copy of it. */
    boolean embedded() {
        return mongo == null;
    }

    String description() {
        return mongo == null
                ? "embedded H2 file store, durable writes"
                : "MongoDB " + TestStores.MONGO_IMAGE + " (single-node replica set in a container)";
    }

    @Override
    public void close() {
        if (mongo != null) {
            mongo.stop();
        }
    }
}
