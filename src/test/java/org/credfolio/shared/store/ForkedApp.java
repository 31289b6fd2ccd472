package org.credfolio.shared.store;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The application in a JVM of its own (the test class path, {@code CredfolioApplication}), on the
 * embedded H2 store in a given data directory, with the demo data: a process that a test can
 * {@code kill -9}, which an application context inside the test JVM cannot be.
 */
public final class ForkedApp implements AutoCloseable {
    public static final String DEMO_PASSWORD = "forked-app-demo-password-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP = Duration.ofSeconds(300);

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ForkedApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the application and returns once it answers logins. */
    public static ForkedApp start(Path dataDirectory, Path log, String... extraArgs)
            throws IOException, InterruptedException {
        // startup is a crash test's cost: C1 only, a small heap
        return start(dataDirectory, log, List.of("-XX:TieredStopAtLevel=1", "-Xmx384m"), extraArgs);
    }

    /** Starts the application with these JVM options and returns once it answers logins. */
    public static ForkedApp start(Path dataDirectory, Path log, List<String> jvmOptions, String... extraArgs)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                applicationClassPath(),
                "org.credfolio.CredfolioApplication",
                "--server.port=" + port,
                "--credfolio.store.data-directory=" + dataDirectory,
                "--credfolio.demo.enabled=true",
                "--credfolio.demo.password=" + DEMO_PASSWORD,
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn",
                "--logging.level.org.credfolio.demo=info"));
        command.addAll(List.of(extraArgs));
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ForkedApp app = new ForkedApp(process, port, log);
        try {
            app.awaitReady(logStart);
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly().waitFor();
            throw e;
        }
        return app;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits until the demo loader has finished (its INFO line says it loaded the data or that it was
     * there already). Polling the login instead would trip the login throttle: 10 failures while the
     * demo accounts are not written yet lock the account for 15 minutes.
     */
    private void awaitReady(long logStart) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited with " + process.exitValue() + ":\n" + tail());
            }
            byte[] bytes = Files.readAllBytes(log);
            String output = new String(bytes, (int) logStart, bytes.length - (int) logStart, StandardCharsets.UTF_8);
            if (output.contains("Demo data loaded") || output.contains("Demo data not loaded")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The application did not answer in " + STARTUP + ":\n" + tail());
    }

    /**
     * The application's classes and its runtime libraries as the packaged jar has them, written by
     * the build ({@code target/runtime-classpath.txt}); without that file (a run from an IDE), this
     * JVM's class path. Test libraries change what runs: spring-webflux alone turns on Spring
     * Security's Reactor context hook, which wraps every Reactor operator of every request.
     */
    static String applicationClassPath() throws IOException {
        Path runtime = Path.of("target", "runtime-classpath.txt");
        if (!Files.exists(runtime)) {
            return System.getProperty("java.class.path");
        }
        return Path.of("target", "classes").toAbsolutePath()
                + File.pathSeparator
                + Files.readString(runtime).strip();
    }

    /** Where the application answers, for requests other than the ones this class makes. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The application's process id, for JDK tools such as {@code jcmd}. */
    public long pid() {
        return process.pid();
    }

    /** The last lines of the application's output, for a failure message. */
    public String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** A login token of this demo account. */
    public String login(String username) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/auth/token"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.writeValueAsString(Map.of("username", username, "password", DEMO_PASSWORD))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login answered " + response.statusCode());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    /** Runs a GraphQL document; returns {@code data}, failing on any error. */
    public JsonNode graphql(String token, String document, Map<String, Object> variables)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.writeValueAsString(Map.of("query", document, "variables", variables))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200
                || body.hasNonNull("errors") && !body.get("errors").isEmpty()) {
            throw new IllegalStateException("GraphQL answered " + response.statusCode() + ": " + response.body());
        }
        return body.get("data");
    }

    /** {@code kill -9}: on Linux {@link Process#destroyForcibly()} sends SIGKILL. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The application did not die");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
