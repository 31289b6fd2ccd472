package org.credfolio.demo;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.credfolio.awards.AwardSeeding;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.seed.CatalogSeeding;
import org.credfolio.organization.Organization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Loads the fictional demo tenant at startup when {@link DemoLoadPolicy} allows it, after the
 * platform catalog it awards from ({@link CatalogSeeding}), and says at INFO why it did or did not.
 */
@Component
@Order(CatalogSeeding.ORDER + 1)
class DemoDataLoader implements ApplicationRunner {
    static final String PASSWORD_PROPERTY = "credfolio.demo.password";

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final String PASSWORD_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int PASSWORD_LENGTH = 20;

    private final MongoOperations mongo;
    private final DemoDataWriter writer;
    private final PasswordEncoder passwords;
    private final Environment environment;

    DemoDataLoader(
            MongoOperations mongo, AwardSeeding awardSeeding, PasswordEncoder passwords, Environment environment) {
        this.mongo = mongo;
        this.writer = new DemoDataWriter(mongo, awardSeeding);
        this.passwords = passwords;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoLoadPolicy.Decision decision = DemoLoadPolicy.decide(
                environment.getProperty(DemoLoadPolicy.ENABLED_PROPERTY, Boolean.class),
                mongo.exists(Query.query(Criteria.where("_id").is(DemoOrganizations.DISTRICT)), Organization.class),
                mongo.exists(new Query(), CredentialDefinition.class));
        if (!decision.load()) {
            log.info("Demo data not loaded: {}.", decision.reason());
            if (decision.alreadyLoaded()) {
                resetDemoPasswordIfAsked();
            }
            return;
        }
        log.info("Loading demo data: {}.", decision.reason());
        load();
    }

    /**
     * A demo password lost or leaked is reset by starting again with {@code credfolio.demo.password}
     * set: the demo accounts whose password differs get the new one and lose their sessions; no data
     * is deleted.
     */
    private void resetDemoPasswordIfAsked() {
        String configured = environment.getProperty(PASSWORD_PROPERTY);
        if (configured == null || configured.isBlank()) {
            return;
        }
        int changed = writer.resetDemoPasswords(configured, passwords);
        if (changed > 0) {
            log.info("Demo password reset from {} for {} demo account(s).", PASSWORD_PROPERTY, changed);
        }
    }

    private void load() {
        long started = System.nanoTime();
        String configured = environment.getProperty(PASSWORD_PROPERTY);
        String password = configured == null || configured.isBlank() ? randomPassword() : configured;
        DemoDataWriter.Counts counts = writer.write(passwords, password, Instant.now());
        log.info(
                "Demo data loaded in {} ms: {} demo organizations, {} learners, {} earned credentials, {} accounts.",
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                counts.organizations(),
                counts.learners(),
                counts.awards(),
                counts.accounts());
        if (configured == null || configured.isBlank()) {
            log.warn(
                    "Demo accounts {} share the generated password {} (set {} to choose one)."
                            + " It is stored only as a hash and will not be shown again.",
                    DemoAccounts.usernames(),
                    password,
                    PASSWORD_PROPERTY);
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_CHARS.charAt(random.nextInt(PASSWORD_CHARS.length())));
        }
        return password.toString();
    }
}
