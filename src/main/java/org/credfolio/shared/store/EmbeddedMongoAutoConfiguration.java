package org.credfolio.shared.store;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        // Loopback only: nothing off this host can connect. The server has no authentication, so
        // another user of this host can (see README, "Configuration"); the files are owner-only.
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        if (properties.inMemory()) {
            log.warn(
                    "Running on the EMBEDDED store (mongo-java-server) in memory at {}: everything is lost"
                            + " on exit.",
                    address);
        } else {
            log.warn(
                    "Running on the EMBEDDED store (mongo-java-server) in {} ({}) at {}, loopback only but"
                            + " without authentication: any user of this host can connect. {} It has no"
                            + " transactions and no text search. Set SPRING_MONGODB_URI to use a real"
                            + " MongoDB in production.",
                    properties.dataDirectory().toAbsolutePath(),
                    permissions(properties.dataDirectory()),
                    address,
                    properties.durableWrites()
                            ? "Every write is committed and fsynced before it is answered."
                            : "Writes are committed in the background about once a second"
                                    + " (credfolio.store.durable-writes=false): a hard kill loses the last"
                                    + " second of confirmed writes.");
        }
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

    /** The store in {@code credfolio.mv} of the data directory, as the service runs it. */
    static CompactingH2Backend h2Backend(EmbeddedStoreProperties properties) throws IOException {
        // Owner-only before H2 opens the file, so the data is never readable by others, not even
        // for a moment after it is created.
        OwnerOnlyFiles.directory(properties.dataDirectory());
        Path file = properties.dataDirectory().resolve("credfolio.mv");
        OwnerOnlyFiles.file(file);
        StartupCompaction.compactIfLarge(file);
        // H2's background compaction rewrites and drops chunks that a long scan may still be
        // reading: on 100,000 learners a district report's aggregation failed with "Chunk N not
        // found" (h2database/h2database#4383, open on 2.4.240). It stays off; the backend compacts
        // instead, between commands (OnlineCompaction, CommandGate).
        MVStore.Builder builder =
                new MVStore.Builder().fileName(file.toString()).autoCompactFillRate(0);
        if (!properties.durableWrites()) {
            return new CompactingH2Backend(builder.open());
        }
        // Auto-commit off: DurableH2Backend commits and fsyncs after each write command instead
        // (and with no background writer thread there is no background compaction either).
        return new DurableH2Backend(builder.autoCommitDisabled().open());
    }

    private static String permissions(Path directory) {
        try {
            return OwnerOnlyFiles.supported(directory)
                    ? PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))
                    : "permissions not managed: not a POSIX file system";
        } catch (IOException e) {
            return "permissions unknown: " + e.getMessage();
        }
    }
}
