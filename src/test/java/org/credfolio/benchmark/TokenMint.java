package org.credfolio.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.credfolio.CredfolioApplication;
import org.credfolio.trust.CredentialForms;
import org.credfolio.trust.keys.IssuerKeys;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Credentials never verified before, as many as a row needs. Issuing them through the API runs at
 * about a hundred a second, far below what verification of them runs at, so they are minted
 * instead: the claims of a credential the service issued, each with an id of its own (so its
 * signature is new to the server's cache), signed by {@link IssuerKeys} with the same district key.
 * The application holding that key runs here, in the benchmark's JVM, on a copy of the server's
 * data directory taken while the server was stopped (with the embedded store, the store itself; with
 * MongoDB, the file that unlocks the stored key), and on the same MongoDB; it is idle while wrk
 * measures.
 */
final class TokenMint implements AutoCloseable {
    private static final int BATCH = 2_000;

    private final ConfigurableApplicationContext app;
    private final IssuerKeys keys;
    private final String organizationId;
    private final Map<String, Object> claims;

    private TokenMint(ConfigurableApplicationContext app, String sampleJwt) {
        this.app = app;
        this.keys = app.getBean(IssuerKeys.class);
        this.claims = CredentialForms.payload(sampleJwt);
        Object issuer = claims.get("issuer");
        String issuerId = issuer instanceof Map<?, ?> object ? (String) object.get("id") : (String) issuer;
        this.organizationId = keys.organizationOf(issuerId);
    }

    /**
     * Opens the copy of the data directory, and the store there or the one {@code storeArgs} name (no
     * demo loader, no catalog seed: nothing is written), and reads the sample.
     */
    static TokenMint open(Path storeCopy, List<String> storeArgs, String sampleJwt) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--credfolio.store.data-directory=" + storeCopy,
                "--credfolio.demo.enabled=false",
                "--credfolio.catalog.seed=false",
                "--spring.main.banner-mode=off",
                // its store warnings are the server's, already in the server's log
                "--logging.level.root=error"));
        args.addAll(storeArgs);
        ConfigurableApplicationContext app =
                new SpringApplicationBuilder(CredfolioApplication.class).run(args.toArray(String[]::new));
        try {
            return new TokenMint(app, sampleJwt);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /**
     * Mints {@code count} tokens into {@code files} (token {@code i} into file {@code i % files}, one
     * a line), in parallel batches so that they are not all in memory at once.
     */
    void mint(int count, List<Path> files) throws IOException {
        List<BufferedWriter> writers = new ArrayList<>();
        try {
            for (Path file : files) {
                writers.add(Files.newBufferedWriter(file, StandardCharsets.US_ASCII));
            }
            for (int from = 0; from < count; from += BATCH) {
                List<String> batch = IntStream.range(from, Math.min(count, from + BATCH))
                        .parallel()
                        .mapToObj(i -> mintOne())
                        .toList();
                for (int i = 0; i < batch.size(); i++) {
                    BufferedWriter writer = writers.get((from + i) % writers.size());
                    writer.write(batch.get(i));
                    writer.newLine();
                }
            }
        } finally {
            for (BufferedWriter writer : writers) {
                writer.close();
            }
        }
    }

    private String mintOne() {
        Map<String, Object> fresh = new LinkedHashMap<>(claims);
        String id = "urn:uuid:" + UUID.randomUUID();
        fresh.put("id", id);
        fresh.put("jti", id);
        return keys.sign(organizationId, "vc+jwt", fresh);
    }

    @Override
    public void close() {
        app.close();
    }
}
