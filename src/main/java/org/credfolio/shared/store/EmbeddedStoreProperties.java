package org.credfolio.shared.store;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded store keeps its data. Used only when no MongoDB is configured.
 *
 * @param dataDirectory directory for the H2 file backing the embedded store (and other local state)
 * @param inMemory keep everything in memory and lose it on exit (tests, benchmarks)
 */
@ConfigurationProperties("credfolio.store")
public record EmbeddedStoreProperties(Path dataDirectory, boolean inMemory) {
    public EmbeddedStoreProperties {
        dataDirectory = dataDirectory == null ? Path.of("data") : dataDirectory;
    }
}
