package org.credfolio.catalog.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.credfolio.catalog.labormarket.Csv;

/** Reads the public data files shipped under {@code classpath:seed/} (see NOTICE). */
final class SeedFiles {
    private SeedFiles() {}

    static List<Map<String, String>> csv(String path) {
        return Csv.records(read(path));
    }

    static String read(String path) {
        String resource = "seed/" + path;
        try (InputStream in = SeedFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Seed file missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed file " + resource, e);
        }
    }
}
