package org.credfolio.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Headless Chromium for page tests: loads a URL, returns the DOM it built and its console log. */
public final class HeadlessChromium {
    private static final long TIMEOUT_SECONDS = 60;

    private HeadlessChromium() {}

    /** What the browser built and said. */
    public record Rendering(String dom, String log) {}

    /** The browser on PATH, if any: tests skip without one. */
    public static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of("chromium", "chromium-browser")
                .flatMap(name -> Stream.of(path.split(File.pathSeparator))
                        .filter(dir -> !dir.isBlank())
                        .map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Renders {@code url} in a window of the given size, saving a screenshot; killed after 60 s. */
    public static Rendering render(Path chromium, String url, String windowSize, Path screenshot)
            throws IOException, InterruptedException {
        Path run = Files.createDirectories(
                Path.of("target", "chromium", UUID.randomUUID().toString()).toAbsolutePath());
        Path dom = run.resolve("dom.html");
        Path log = run.resolve("chromium.log");
        try {
            run(new ProcessBuilder(
                            chromium.toString(),
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--no-first-run",
                            "--enable-logging=stderr",
                            "--user-data-dir=" + run.resolve("profile"),
                            "--window-size=" + windowSize,
                            "--screenshot=" + screenshot.toAbsolutePath(),
                            "--dump-dom",
                            url)
                    .redirectOutput(dom.toFile())
                    .redirectError(log.toFile()));
        } finally {
            deleteTree(run.resolve("profile"));
        }
        return new Rendering(
                Files.readString(dom, StandardCharsets.UTF_8), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Runs the browser to completion, or kills it and everything it started. */
    private static void run(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.start();
        try {
            assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .as("chromium finished within " + TIMEOUT_SECONDS + " s")
                    .isTrue();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** The profile is only needed while the browser runs; the DOM and the log stay for reading. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
