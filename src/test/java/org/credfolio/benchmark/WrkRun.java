package org.credfolio.benchmark;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs wrk, the load generator, as a process of its own, so that the client does not share the
 * server's JVM (its heap, GC pauses and JIT). The row script ({@code benchmark/http-row.lua})
 * builds and checks every request and prints one result line, read here.
 */
final class WrkRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESULT = "WRK-RESULT ";
    /** A request this slow is an error (wrk's default is 2 s, shorter than a stalled store write). */
    private static final String TIMEOUT = "30s";

    /** Where wrk sends its requests: the URL, extra headers and the row script's arguments. */
    record Request(URI url, List<String> headers, List<String> scriptArguments) {}

    /**
     * One wrk run: completed requests over its duration, latency from wrk's own histogram, what
     * went wrong (socket errors, timeouts, statuses over 399, answers the script refused), whether
     * a thread used up its never-seen tokens, and the 1-minute load average when it ended.
     */
    record Result(
            long requests,
            long durationMicros,
            double p50Millis,
            double p99Millis,
            double maxMillis,
            long socketErrors,
            long timeouts,
            long badStatus,
            long bad,
            boolean exhausted,
            long mostSentByAThread,
            String firstBad,
            double load) {

        double perSecond() {
            return requests / (durationMicros / 1e6);
        }

        /** What makes the figures worthless, or null. */
        String problem() {
            if (requests == 0) {
                return "no request completed";
            }
            if (socketErrors + timeouts + badStatus + bad > 0) {
                return "%d socket errors, %d timeouts, %d statuses over 399, %d wrong answers; first: %s"
                        .formatted(socketErrors, timeouts, badStatus, bad, firstBad);
            }
            return null;
        }
    }

    private final Path script;
    private final HttpSettings settings;

    WrkRun(Path script, HttpSettings settings) {
        this.script = script;
        this.settings = settings;
    }

    /** Whether wrk is on the PATH. */
    static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "wrk"))) {
                return true;
            }
        }
        return false;
    }

    Result run(Request request, Duration duration) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "wrk",
                "-t",
                String.valueOf(settings.threads()),
                "-c",
                String.valueOf(settings.connections()),
                "-d",
                duration.toSeconds() + "s",
                "--timeout",
                TIMEOUT,
                "-s",
                script.toString()));
        for (String header : request.headers()) {
            command.add("-H");
            command.add(header);
        }
        command.add(request.url().toString());
        command.add("--");
        command.add("threads=" + settings.threads());
        command.addAll(request.scriptArguments());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not finish: " + output);
        }
        double load = loadAverage();
        String line = output.lines()
                .filter(l -> l.startsWith(RESULT))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "wrk exited with " + process.exitValue() + " and no result:\n" + output));
        JsonNode r = JSON.readTree(line.substring(RESULT.length()));
        return new Result(
                r.path("requests").asLong(),
                r.path("durationMicros").asLong(),
                r.path("p50Micros").asLong() / 1e3,
                r.path("p99Micros").asLong() / 1e3,
                r.path("maxMicros").asLong() / 1e3,
                r.path("socketErrors").asLong(),
                r.path("timeouts").asLong(),
                r.path("badStatus").asLong(),
                r.path("bad").asLong(),
                r.path("exhausted").asBoolean(),
                r.path("mostSentByAThread").asLong(),
                r.path("firstBad").isNull() ? null : r.path("firstBad").asText(),
                load);
    }

    /** The 1-minute load average (Linux), NaN where there is none. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
