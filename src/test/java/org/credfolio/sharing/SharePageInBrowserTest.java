package org.credfolio.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The share page as a phone's browser renders it: headless Chromium at 390x844 loads the page over
 * HTTP and dumps the DOM it built. Skipped when no Chromium is installed; killed after 60 s.
 */
class SharePageInBrowserTest extends SharingTestBase {
    private static final long TIMEOUT_SECONDS = 60;

    @Test
    void phoneSizedChromiumRendersTheVerifiedCredentialWithoutPolicyViolations() throws Exception {
        Optional<Path> chromium = browser();
        assumeTrue(chromium.isPresent(), "no chromium or chromium-browser on PATH");
        String token = share(List.of(awardId));
        Path run = Files.createDirectories(
                Path.of("target", "chromium", UUID.randomUUID().toString()).toAbsolutePath());
        Path dom = run.resolve("dom.html");
        Path log = run.resolve("chromium.log");

        try {
            run(new ProcessBuilder(
                            chromium.get().toString(),
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--no-first-run",
                            "--enable-logging=stderr",
                            "--user-data-dir=" + run.resolve("profile"),
                            "--window-size=390,844",
                            "--screenshot="
                                    + Path.of("target", "share-page.png").toAbsolutePath(),
                            "--dump-dom",
                            "http://localhost:" + port + "/shares/" + token)
                    .redirectOutput(dom.toFile())
                    .redirectError(log.toFile()));
        } finally {
            deleteTree(run.resolve("profile"));
        }

        String html = Files.readString(dom, StandardCharsets.UTF_8);
        assertThat(html).contains("lang=\"en\"", world.welding().name(), "Verified", "Acme Manufacturing hiring");
        assertThat(html.split("<h1", -1)).as("exactly one h1").hasSize(2);
        assertThat(html).doesNotContain("<script");
        // A wrong style hash or any blocked resource shows up as a console message.
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).doesNotContain("Content Security Policy");
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

    private static Optional<Path> browser() {
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
}
