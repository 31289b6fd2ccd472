package org.credfolio.shared.config;

import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start with the MongoDB connection settings of Spring Boot 3 ({@code spring.data.mongodb.uri}
 * and friends). Boot 4 reads {@code spring.mongodb.*} and ignores the old names, so a deployment that
 * sets only those would silently run on the embedded store, with its data on the instance's disk.
 */
public class OutdatedMongoSettings implements EnvironmentPostProcessor {
    /** Connection settings that moved from {@code spring.data.mongodb.} to {@code spring.mongodb.}. */
    static final List<String> MOVED = List.of(
            "uri",
            "host",
            "port",
            "database",
            "username",
            "password",
            "authentication-database",
            "replica-set-name",
            "additional-hosts",
            "ssl.enabled",
            "ssl.bundle");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        for (String key : MOVED) {
            if (environment.containsProperty("spring.data.mongodb." + key)) {
                throw new IllegalStateException("The setting spring.data.mongodb." + key
                        + " is from Spring Boot 3 and is ignored by this version: set spring.mongodb." + key
                        + " instead (environment variable SPRING_MONGODB_"
                        + key.toUpperCase().replace('-', '_').replace('.', '_')
                        + "). Without it Credfolio would run on its embedded store.");
            }
        }
    }
}
