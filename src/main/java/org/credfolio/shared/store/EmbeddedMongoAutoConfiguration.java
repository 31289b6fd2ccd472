package org.credfolio.shared.store;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Starts mongo-java-server in-process when no MongoDB is configured, so that the service runs on a
 * machine with nothing but a JDK. It backs off when {@code spring.mongodb.uri} or
 * {@code spring.mongodb.host} is set, or when a test supplies its own connection details.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass(MongoServer.class)
@ConditionalOnMissingBean(MongoConnectionDetails.class)
@Conditional(NoMongoConfigured.class)
@EnableConfigurationProperties(EmbeddedStoreProperties.class)
public class EmbeddedMongoAutoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoAutoConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    EmbeddedStore embeddedStore(EmbeddedStoreProperties properties) throws IOException {
        MongoBackend backend = properties.inMemory() ? new MemoryBackend() : h2Backend(properties);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        log.warn(
                "Running on the EMBEDDED store (mongo-java-server) {} at {}. It has no transactions, no"
                        + " text search, and may lose about the last second of writes on a hard kill. Set"
                        + " SPRING_MONGODB_URI to use a real MongoDB in production.",
                properties.inMemory()
                        ? "in memory"
                        : "in " + properties.dataDirectory().toAbsolutePath(),
                address);
        return new EmbeddedStore(server, address);
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedStore store) {
        ConnectionString uri =
                new ConnectionString("mongodb://127.0.0.1:" + store.address().getPort() + "/credfolio");
        return () -> uri;
    }

    /** Replaces Boot's MongoDB health indicator, named so that Boot's backs off. */
    @Bean(name = "mongoHealthContributor")
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    EmbeddedStoreHealth mongoHealthContributor(ObjectProvider<MongoOperations> mongo) {
        return new EmbeddedStoreHealth(mongo.getObject());
    }

    private static MongoBackend h2Backend(EmbeddedStoreProperties properties) throws IOException {
        Files.createDirectories(properties.dataDirectory());
        // H2's background compaction rewrites and drops chunks that a long scan may still be
        // reading: on 100,000 learners a district report's aggregation failed with "Chunk N not
        // found" (h2database/h2database#4383, open on 2.4.240). Without it, dead chunks are still
        // reused, only half-empty ones are not rewritten, so the file holds some garbage instead.
        MVStore store = new MVStore.Builder()
                .fileName(properties.dataDirectory().resolve("credfolio.mv").toString())
                .autoCompactFillRate(0)
                .open();
        return new H2Backend(store);
    }
}
