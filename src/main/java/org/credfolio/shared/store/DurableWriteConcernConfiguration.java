package org.credfolio.shared.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * A mutation answers success only once its writes are acknowledged by a majority of the replica set
 * and written to their journals ({@code w: majority, j: true}), so that neither a {@code kill -9}
 * nor a failover loses it. The driver's default ({@code w: 1}, no journal wait) can acknowledge a
 * write that a crash of the primary then loses. A write concern in the connection string
 * ({@code ?w=...&journal=...}) is an operator's explicit choice and is kept, and logged.
 *
 * <p>The embedded store ignores write concerns; its writes are made durable by {@link
 * DurableH2Backend}.
 */
@Configuration(proxyBeanMethods = false)
class DurableWriteConcernConfiguration {
    static final WriteConcern DURABLE = WriteConcern.MAJORITY.withJournal(true);

    private static final Logger log = LoggerFactory.getLogger(DurableWriteConcernConfiguration.class);

    @Bean
    MongoClientSettingsBuilderCustomizer durableWriteConcern(ObjectProvider<MongoConnectionDetails> details) {
        return new DurableWriteConcern(details);
    }

    /** Ordered after Boot's own customizer, which applies the connection string. */
    static final class DurableWriteConcern implements MongoClientSettingsBuilderCustomizer, Ordered {
        private final ObjectProvider<MongoConnectionDetails> details;

        DurableWriteConcern(ObjectProvider<MongoConnectionDetails> details) {
            this.details = details;
        }

        @Override
        public void customize(MongoClientSettings.Builder settings) {
            MongoConnectionDetails connection = details.getIfAvailable();
            ConnectionString uri = connection == null ? null : connection.getConnectionString();
            WriteConcern configured = uri == null ? null : uri.getWriteConcern();
            if (configured != null) {
                log.warn(
                        "The MongoDB connection string sets the write concern {}: kept instead of {}"
                                + " (confirmed writes may not survive a crash unless it waits for a"
                                + " majority and the journal)",
                        configured.asDocument().toJson(),
                        DURABLE.asDocument().toJson());
                return;
            }
            settings.writeConcern(DURABLE);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
