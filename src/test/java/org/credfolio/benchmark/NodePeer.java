package org.credfolio.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.credfolio.support.NodeHarness;
import tools.jackson.databind.ObjectMapper;

/**
 * The Node peer ({@code src/test/node/bench/peer.mjs}) in a process of its own: plain {@code
 * http}, the same HMAC work as {@code POST /challenges}, and {@code jose} verifying every posted
 * JWT against the service's published keys. It runs from the harness's installed packages and
 * installs nothing: without {@code node} or {@code jose} the benchmark says the peer was skipped.
 */
final class NodePeer implements AutoCloseable {
    private static final Path SCRIPT = NodeHarness.DIR.resolve("bench/peer.mjs");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI base;

    private NodePeer(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** Why the peer cannot run here, or null when it can. */
    static String unavailable() {
        if (!NodeHarness.nodeOnPath()) {
            return "node is not on the PATH";
        }
        if (!Files.isDirectory(NodeHarness.DIR.resolve("node_modules/jose"))) {
            return NodeHarness.DIR + "/node_modules has no jose: run npm ci there";
        }
        return null;
    }

    /** Starts the peer with the service's JWKS and returns once it listens. */
    static NodePeer start(URI jwks, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("node", SCRIPT.toString(), jwks.toString()))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        // The first line says where it listens; a peer that dies first says why in the log.
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = first.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            line = null;
        }
        if (line == null) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("The Node peer did not start:\n" + Files.readString(log));
        }
        int port = JSON.readTree(line).path("port").asInt();
        return new NodePeer(process, URI.create("http://127.0.0.1:" + port));
    }

    URI baseUri() {
        return base;
    }

    /** {@code node --version}, for the report. */
    String version() throws IOException, InterruptedException {
        Process version = new ProcessBuilder("node", "--version")
                .redirectErrorStream(true)
                .start();
        String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        version.waitFor();
        return "node " + text;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
