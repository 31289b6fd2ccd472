package org.credfolio.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.credfolio.support.HeadlessChromium;
import org.junit.jupiter.api.Test;

/**
 * The credential page as browsers render it, at phone (390x844, mobile emulation, so the viewport
 * meta applies) and desktop (1280x800) sizes: headless Chromium loads it over HTTP; the DevTools
 * protocol measures the layout (evaluation through DevTools is not page script, so the page's
 * script-free CSP stays as it is). No horizontal overflow, one h1, no script, no CSP complaint.
 * Skipped when no Chromium is installed; the browser is killed after 60 s.
 */
class CredentialPageInBrowserTest extends SharingTestBase {
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://[^\\s]+)");

    @Test
    void phoneAndDesktopRenderThePageWithoutHorizontalOverflow() throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent(), "no chromium or chromium-browser on PATH");
        String url = "http://localhost:" + port + URI.create(publish()).getPath();

        HeadlessChromium.Rendering page =
                HeadlessChromium.render(chromium.get(), url, "390,844", Path.of("target", "credential-page.png"));
        assertThat(page.dom()).contains("lang=\"en\"", world.welding().name(), "Valid:", "Ana A.");
        assertThat(page.dom().split("<h1", -1)).as("exactly one h1").hasSize(2);
        assertThat(page.dom()).doesNotContain("<script");
        assertThat(page.log()).doesNotContain("Content Security Policy");

        for (int[] size : List.of(new int[] {390, 844, 1}, new int[] {1280, 800, 0})) {
            Map<String, Object> layout = measure(chromium.get(), url, size[0], size[1], size[2] == 1);
            long scrollWidth = ((Number) layout.get("scrollWidth")).longValue();
            long viewport = ((Number) layout.get("innerWidth")).longValue();
            assertThat(viewport).as("viewport width " + layout).isEqualTo(size[0]);
            assertThat(scrollWidth)
                    .as("no horizontal overflow at " + size[0] + "px: " + layout)
                    .isLessThanOrEqualTo(viewport);
            assertThat(layout.get("title").toString()).contains(world.welding().name());
        }
    }

    private String publish() {
        return as(world.learner())
                .document("mutation($id: ID!) { publishCredentialPage(credentialId: $id) { url } }")
                .variable("id", awardId)
                .execute()
                .errors()
                .verify()
                .path("publishCredentialPage.url")
                .entity(String.class)
                .get();
    }

    /** Loads the page at the given size and answers the document's widths, through DevTools. */
    private static Map<String, Object> measure(Path chromium, String url, int width, int height, boolean mobile)
            throws Exception {
        Path run = Files.createDirectories(
                Path.of("target", "chromium", UUID.randomUUID().toString()).toAbsolutePath());
        Process process = new ProcessBuilder(
                        chromium.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--no-first-run",
                        "--remote-debugging-port=0",
                        "--remote-allow-origins=*",
                        "--user-data-dir=" + run.resolve("profile"),
                        "--window-size=" + width + "," + height,
                        "about:blank")
                .redirectOutput(run.resolve("out.log").toFile())
                .start();
        try {
            String browser = devToolsAddress(process);
            URI list = URI.create("http" + browser.substring(2, browser.indexOf("/devtools/")) + "/json/list");
            HttpClient client = HttpClient.newHttpClient();
            String pageSocket = null;
            for (int i = 0; i < 50 && pageSocket == null; i++) {
                String targets = client.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString())
                        .body();
                Matcher m = Pattern.compile(
                                "\"type\"\\s*:\\s*\"page\"[^}]*?\"webSocketDebuggerUrl\"\\s*:\\s*\"([^\"]+)\"")
                        .matcher(targets);
                if (m.find()) {
                    pageSocket = m.group(1);
                } else {
                    Thread.sleep(100);
                }
            }
            assertThat(pageSocket).as("a page target").isNotNull();
            try (DevTools tools = new DevTools(client, URI.create(pageSocket))) {
                tools.call(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of(
                                "width",
                                width,
                                "height",
                                height,
                                "deviceScaleFactor",
                                mobile ? 3 : 1,
                                "mobile",
                                mobile));
                tools.call("Page.navigate", Map.of("url", url));
                for (int i = 0; i < 100; i++) {
                    if ("complete".equals(tools.evaluate("document.readyState"))) {
                        break;
                    }
                    Thread.sleep(100);
                }
                String json = (String) tools.evaluate("JSON.stringify({scrollWidth:"
                        + " Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),"
                        + " innerWidth: window.innerWidth, title: document.title})");
                return JSONObjectUtils.parse(json);
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            deleteTree(run.resolve("profile"));
        }
    }

    /** The browser's DevTools address from its stderr; the rest of stderr is drained in the background. */
    private static String devToolsAddress(Process process) throws Exception {
        CompletableFuture<String> address = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err =
                    new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    Matcher m = DEVTOOLS.matcher(line);
                    if (m.find()) {
                        address.complete(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // the browser was killed
            }
            address.completeExceptionally(new IllegalStateException("Chromium printed no DevTools address"));
        });
        reader.setDaemon(true);
        reader.start();
        return address.get(60, TimeUnit.SECONDS);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A minimal Chrome DevTools Protocol client: one call at a time, answers matched by id. */
    private static final class DevTools implements WebSocket.Listener, AutoCloseable {
        private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final AtomicInteger ids = new AtomicInteger();
        private final WebSocket socket;

        DevTools(HttpClient client, URI address) throws Exception {
            socket = client.newWebSocketBuilder().buildAsync(address, this).get(30, TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        Map<String, Object> call(String method, Map<String, Object> params) throws Exception {
            int id = ids.incrementAndGet();
            socket.sendText(JSONObjectUtils.toJSONString(Map.of("id", id, "method", method, "params", params)), true)
                    .get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                String message = messages.poll(1, TimeUnit.SECONDS);
                if (message == null) {
                    continue;
                }
                Map<String, Object> parsed = JSONObjectUtils.parse(message);
                if (parsed.get("id") instanceof Number n && n.intValue() == id) {
                    assertThat(parsed).as(method).doesNotContainKey("error");
                    return parsed;
                }
            }
            throw new IllegalStateException("No answer to " + method);
        }

        Object evaluate(String expression) throws Exception {
            Map<String, Object> answer =
                    call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
            Map<?, ?> result = (Map<?, ?>) ((Map<?, ?>) answer.get("result")).get("result");
            return result.get("value");
        }

        @Override
        public void close() {
            socket.abort();
        }
    }
}
