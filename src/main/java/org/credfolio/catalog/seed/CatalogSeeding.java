package org.credfolio.catalog.seed;

import java.time.Duration;
import java.time.Instant;
import org.credfolio.catalog.CredentialDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Writes the platform catalog (real public data: BLS and O*NET occupations, the Texas credential
 * list with its certifying bodies, curated occupation links) into a store that has never held it,
 * on any store: the product judges credentials by it. It is written once; what an admin later
 * changes or deletes stays so. A store seeded by an older release gets the fields added since.
 * No accounts and no learners are written here (that is the demo's business, and only when asked).
 */
@Component
@Order(CatalogSeeding.ORDER)
public class CatalogSeeding implements ApplicationRunner {
    /** Runs before anything that reads the catalog at startup, such as the demo loader. */
    public static final int ORDER = 0;

    static final String ENABLED_PROPERTY = "credfolio.catalog.seed";

    /** One document saying the seed was written, and when: the seed's own mark. */
    static final String MARKER_COLLECTION = "catalog_seed";

    private static final String MARKER_ID = "platform-catalog";
    private static final Logger log = LoggerFactory.getLogger(CatalogSeeding.class);

    private final MongoOperations mongo;
    private final CatalogSeedWriter writer;
    private final Environment environment;

    CatalogSeeding(MongoOperations mongo, Environment environment) {
        this.mongo = mongo;
        this.writer = new CatalogSeedWriter(mongo);
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!environment.getProperty(ENABLED_PROPERTY, Boolean.class, true)) {
            log.info("Platform catalog not seeded: {}=false.", ENABLED_PROPERTY);
            return;
        }
        Instant now = Instant.now();
        if (mongo.exists(markerQuery(), MARKER_COLLECTION)) {
            writer.upgradeSeededCatalog(now);
            return;
        }
        if (seededByAnOlderRelease()) {
            writer.upgradeSeededCatalog(now);
            mark(now);
            return;
        }
        long started = System.nanoTime();
        CatalogSeedWriter.Counts counts = writer.write(now);
        mark(now);
        log.info(
                "Platform catalog seeded in {} ms: {} occupations, {} certifying bodies, {} credentials,"
                        + " {} occupation links.",
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                counts.occupations(),
                counts.certifyingBodies(),
                counts.credentials(),
                counts.links());
    }

    /** Releases before the mark wrote the catalog with the demo: its credentials are the sign. */
    private boolean seededByAnOlderRelease() {
        return mongo.exists(
                Query.query(Criteria.where("_id").regex("^" + CatalogSeed.CREDENTIAL_PREFIX)),
                CredentialDefinition.class);
    }

    private void mark(Instant now) {
        mongo.upsert(markerQuery(), Update.update("seededAt", now), MARKER_COLLECTION);
    }

    private static Query markerQuery() {
        return Query.query(Criteria.where("_id").is(MARKER_ID));
    }
}
