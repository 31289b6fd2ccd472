package org.credfolio.shared.store;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded store keeps its data. Used only when no MongoDB is configured.
 *
 * @param dataDirectory directory for the H2 file backing the embedded store (and other local state);
 *     made owner-only (0700, the store file 0600) before the store opens
 * @param inMemory keep everything in memory and lose it on exit (tests, benchmarks)
 * @param durableWrites commit and fsync the H2 file after every write command, before the command
 *     is answered (default {@code true}); {@code false} restores H2's background commit about once
 *     a second, which is faster but loses confirmed writes on a hard kill (benchmarks only)
 */
@ConfigurationProperties("credfolio.store")
public record EmbeddedStoreProperties(Path dataDirectory, boolean inMemory, Boolean durableWrites) {
    public EmbeddedStoreProperties {
        dataDirectory = dataDirectory == null ? Path.of("data") : dataDirectory;
        durableWrites = durableWrites == null ? Boolean.TRUE : durableWrites;
    }
}
