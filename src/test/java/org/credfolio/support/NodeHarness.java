package org.credfolio.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the scripts of the Node interop harness ({@code src/test/node}, see its README): one fresh
 * {@code node} process per call, JSON on stdin, one JSON object back on stdout. Tests call {@link
 * #assumeAvailable()} first: it skips them when {@code node} is not on the PATH, and installs the
 * pinned packages with {@code npm ci} once when {@code node_modules} is missing.
 */
public final class NodeHarness {
    /** The harness folder, relative to the project root (the working directory of the tests). */
    public static final Path DIR = Path.of("src/test/node");

    private static final long SCRIPT_TIMEOUT_SECONDS = 120;
    private static final long NPM_CI_TIMEOUT_SECONDS = 600;
    private static volatile boolean installed;

    private NodeHarness() {}

    /** Whether an executable {@code node} is on the PATH. */
    public static boolean nodeOnPath() {
        return executableOnPath("node");
    }

    /**
     * Skips the calling test (JUnit assumption) when {@code node} is not on the PATH; otherwise makes
     * sure the harness's packages are installed, running {@code npm ci} once if they are not, and
     * fails when that does not succeed.
     */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(nodeOnPath(), "node is not on the PATH: the Node interop harness cannot run");
        ensureInstalled();
    }

    /** Runs {@code node <script>} in the project root with {@code input} as JSON on stdin. */
    public static Map<String, Object> run(String script, Object input) {
        ensureInstalled();
        String stdin = input instanceof String text ? text : JSONObjectUtils.toJSONString(asObject(input));
        Result result =
                exec(List.of("node", DIR.resolve(script).toString()), Path.of(""), stdin, SCRIPT_TIMEOUT_SECONDS);
        try {
            return JSONObjectUtils.parse(result.stdout().trim());
        } catch (java.text.ParseException e) {
            throw new AssertionError(script + " printed no JSON object (exit " + result.exitCode() + ").\nstdout: "
                    + result.stdout() + "\nstderr: " + result.stderr());
        }
    }

    /** verify.mjs: verifier-core's verdict on a credential, with lookups answered from documents. */
    public static Map<String, Object> verify(Map<String, Object> credential, Map<String, Object> documents) {
        return run("verify.mjs", Map.of("credential", credential, "documents", documents));
    }

    /**
     * verify-presentation.mjs: verifier-core's {@code verifyPresentation} verdict on a presentation,
     * with lookups answered from documents. {@code challenge} is passed to verifier-core; {@code
     * domain} (which verifier-core does not take) only to the harness's diagnostic {@code
     * authentication} check. Either may be null.
     */
    public static Map<String, Object> verifyPresentation(
            Map<String, Object> presentation, String challenge, String domain, Map<String, Object> documents) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("presentation", presentation);
        if (challenge != null) {
            input.put("challenge", challenge);
        }
        if (domain != null) {
            input.put("domain", domain);
        }
        input.put("documents", documents);
        return run("verify-presentation.mjs", input);
    }

    /** expand.mjs: JSON-LD safe-mode expansion with the bundled contexts only. */
    public static Map<String, Object> expand(Map<String, Object> document) {
        return run("expand.mjs", document);
    }

    private static synchronized void ensureInstalled() {
        if (installed || Files.isDirectory(DIR.resolve("node_modules"))) {
            installed = true;
            return;
        }
        if (!executableOnPath("npm")) {
            throw new AssertionError(DIR + "/node_modules is missing and npm is not on the PATH to run npm ci");
        }
        Result result = exec(List.of("npm", "ci", "--no-audit", "--no-fund"), DIR, "", NPM_CI_TIMEOUT_SECONDS);
        if (result.exitCode() != 0) {
            throw new AssertionError("npm ci in " + DIR + " failed with exit code " + result.exitCode() + ":\n"
                    + result.stderr() + "\n" + result.stdout());
        }
        installed = true;
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private static Result exec(List<String> command, Path directory, String stdin, long timeoutSeconds) {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(directory.toAbsolutePath().toFile())
                    .start();
        } catch (IOException e) {
            throw new AssertionError("Could not start " + command, e);
        }
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(UTF_8));
        } catch (IOException e) {
            // The process ended before reading all its input; its output says why.
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), stdout.get(10, TimeUnit.SECONDS), stderr.get(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("Interrupted while running " + command, e);
        } catch (Exception e) {
            throw new AssertionError("Could not read the output of " + command, e);
        }
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object input) {
        return (Map<String, Object>) input;
    }

    private static boolean executableOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    /** The parts of a verdict worth reading when an assertion fails. */
    public static String describe(Map<String, Object> verdict) {
        Map<String, Object> shown = new LinkedHashMap<>();
        for (String key : List.of(
                "verified",
                "checks",
                "presentation",
                "credentials",
                "errors",
                "authentication",
                "explanation",
                "requests",
                "diagnostics")) {
            if (verdict.containsKey(key)) {
                shown.put(key, verdict.get(key));
            }
        }
        return JSONObjectUtils.toJSONString(shown);
    }

    /** A deep, mutable copy of a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> copy(Object json) {
        try {
            return JSONObjectUtils.parse(JSONObjectUtils.toJSONString((Map<String, Object>) json));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
