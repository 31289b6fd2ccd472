package org.credfolio.celebrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.credfolio.learner.Learner;
import org.credfolio.support.HeadlessChromium;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * The celebration page as phone and desktop browsers lay it out: headless Chromium, driven over the
 * DevTools protocol (as in VerifyPageInBrowserTest), opens the page, a long unbroken name and a long
 * credential name included; the page must not scroll sideways, must have one h1 and no script.
 * Skipped when no Chromium is installed; the browser is killed after each run.
 */
class CelebrationPageInBrowserTest extends CelebrationTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void phoneAndDesktopShowThePageWithoutSidewaysScrolling() throws Exception {
        assumeTrue(HeadlessChromium.find().isPresent(), "no chromium or chromium-browser on PATH");
        optIn(world.learner(), true);
        adult(world.learnerA().id());
        recordCredential(
                world.registrarA(), world.learnerA().id(), world.welding().id(), recently);
        Learner longName =
                tenants.learner(world.districtA(), world.schoolA(), "Maximiliana".repeat(8), "Wolfeschlegelstein");
        optIn(learnerWithLogin(longName), true);
        adult(longName.id());
        recordCredential(world.registrarA(), longName.id(), world.welding().id(), recently);
        String id = publish();

        for (String size : List.of("390,844", "1280,900")) {
            Map<String, Object> layout = layout(size, "/celebrations/" + id);
            int viewport = ((Number) layout.get("viewportWidth")).intValue();
            assertThat(((Number) layout.get("scrollWidth")).intValue())
                    .as("no horizontal overflow at " + size + " in " + layout)
                    .isLessThanOrEqualTo(viewport);
            assertThat(((Number) layout.get("h1")).intValue()).isEqualTo(1);
            assertThat(((Number) layout.get("scripts")).intValue()).isZero();
            assertThat((String) layout.get("text"))
                    .contains(
                            "Ana Alvarez",
                            world.welding().name(),
                            world.districtA().name());
        }
    }

    /** Opens the path at the window size and measures the page once it has settled on its final document. */
    private Map<String, Object> layout(String windowSize, String path) throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent(), "no chromium or chromium-browser on PATH");
        Path run = Files.createDirectories(
                Path.of("target", "chromium", UUID.randomUUID().toString()).toAbsolutePath());
        Process process = new ProcessBuilder(
                        chromium.get().toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--no-first-run",
                        "--remote-debugging-port=0",
                        "--user-data-dir=" + run.resolve("profile"),
                        "--window-size=" + windowSize,
                        "about:blank")
                .redirectOutput(run.resolve("out.log").toFile())
                .redirectError(run.resolve("chromium.log").toFile())
                .start();
        try {
            return measure(run.resolve("profile").resolve("DevToolsActivePort"), path);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Map<String, Object> measure(Path activePort, String path) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(activePort) || Files.readAllLines(activePort).isEmpty()) {
            assertThat(System.nanoTime())
                    .as("chromium started its DevTools endpoint")
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
        int devtools = Integer.parseInt(Files.readAllLines(activePort).get(0).strip());
        HttpClient http = HttpClient.newHttpClient();
        String targets = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + devtools + "/json/list"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String socketUrl = JSON.readTree(targets)
                .valueStream()
                .filter(t -> "page".equals(t.path("type").asString()))
                .map(t -> t.path("webSocketDebuggerUrl").asString())
                .findFirst()
                .orElseThrow();
        Cdp cdp = new Cdp(http, socketUrl);
        try {
            cdp.call("Page.navigate", Map.of("url", "http://localhost:" + port + path));
            String expression = "JSON.stringify((function(){var d=document.documentElement;"
                    + "return {ready:document.readyState,url:location.href,scrollWidth:d.scrollWidth,"
                    + "viewportWidth:d.clientWidth,h1:document.querySelectorAll('h1').length,"
                    + "scripts:document.querySelectorAll('script').length,"
                    + "text:document.body?document.body.innerText:''};})())";
            Map<String, Object> last = Map.of();
            while (System.nanoTime() < deadline) {
                Map<?, ?> answer =
                        cdp.call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
                Object value = ((Map<?, ?>) ((Map<?, ?>) answer.get("result")).get("result")).get("value");
                if (value instanceof String text) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> measured = JSON.readValue(text, Map.class);
                    last = measured;
                    boolean settled = "complete".equals(measured.get("ready"))
                            && ((String) measured.get("url")).startsWith("http://localhost");
                    if (settled) {
                        return measured;
                    }
                }
                Thread.sleep(200);
            }
            throw new AssertionError("the page did not settle: " + last);
        } finally {
            cdp.close();
        }
    }

    /** A minimal DevTools protocol client: one call at a time, answers matched by id, events skipped. */
    private static final class Cdp implements WebSocket.Listener {
        private final AtomicInteger ids = new AtomicInteger();
        private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final WebSocket socket;

        Cdp(HttpClient http, String url) {
            this.socket = http.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(url), this)
                    .join();
        }

        Map<?, ?> call(String method, Map<String, Object> params) throws Exception {
            int id = ids.incrementAndGet();
            socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true)
                    .get(10, TimeUnit.SECONDS);
            while (true) {
                String message = messages.poll(30, TimeUnit.SECONDS);
                assertThat(message).as("an answer to " + method).isNotNull();
                Map<?, ?> parsed = JSON.readValue(message, Map.class);
                if (parsed.get("id") instanceof Number n && n.intValue() == id) {
                    assertThat(parsed.get("error")).as(method + " failed").isNull();
                    return Map.of("result", parsed.get("result"));
                }
            }
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

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS);
            socket.abort();
        }
    }
}
