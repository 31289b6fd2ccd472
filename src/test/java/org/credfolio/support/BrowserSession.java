package org.credfolio.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Headless Chromium driven through the DevTools protocol (the JDK's WebSocket client), for page
 * tests that measure layout, which {@code --dump-dom} cannot: open at a size (phone sizes emulate a
 * mobile device), navigate, evaluate expressions. The browser is killed on close.
 */
public final class BrowserSession implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 60;
    private final Process process;
    private final Path run;
    private final DevTools tools;

    private BrowserSession(Process process, Path run, DevTools tools) {
        this.process = process;
        this.run = run;
        this.tools = tools;
    }

    /** Starts the browser with a page of {@code width} x {@code height}; {@code mobile} emulates a phone. */
    public static BrowserSession open(Path chromium, int width, int height, boolean mobile) throws Exception {
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
                .redirectError(run.resolve("chromium.log").toFile())
                .start();
        try {
            BrowserSession session = new BrowserSession(process, run, new DevTools(pageSocket(run.resolve("profile"))));
            session.call(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", mobile ? 3 : 1, "mobile", mobile));
            return session;
        } catch (Exception | AssertionError e) {
            kill(process);
            throw e;
        }
    }

    /** One DevTools call; fails the test on a protocol error. */
    public Map<?, ?> call(String method, Map<String, Object> params) throws Exception {
        return tools.call(method, params);
    }

    public void navigate(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
    }

    /** The value of a JavaScript expression in the page (returned by value). */
    public Object evaluate(String expression) throws Exception {
        Map<?, ?> answer = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        return ((Map<?, ?>) answer.get("result")).get("value");
    }

    /** A JavaScript expression that yields {@code JSON.stringify(...)} of an object, parsed. */
    public Map<String, Object> evaluateJson(String expression) throws Exception {
        Object value = evaluate(expression);
        return value instanceof String text ? JSONObjectUtils.parse(text) : Map.of();
    }

    /**
     * Evaluates a {@code JSON.stringify(...)} expression until its answer satisfies {@code settled}
     * (a navigation has finished, a form has submitted itself), within 60 s.
     */
    public Map<String, Object> settle(String expression, java.util.function.Predicate<Map<String, Object>> settled)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        Map<String, Object> last = Map.of();
        while (System.nanoTime() < deadline) {
            last = evaluateJson(expression);
            if (!last.isEmpty() && settled.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the page did not settle: " + last);
    }

    @Override
    public void close() throws Exception {
        tools.close();
        kill(process);
        try (Stream<Path> paths = Files.walk(run.resolve("profile"))) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover profile under target/ is harmless
        }
    }

    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** The page target's WebSocket, from the port Chromium writes into its profile. */
    private static URI pageSocket(Path profile) throws Exception {
        Path activePort = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!Files.exists(activePort) || Files.readAllLines(activePort).isEmpty()) {
            assertThat(System.nanoTime())
                    .as("chromium started its DevTools endpoint")
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(activePort).get(0).strip());
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            String targets = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            for (Object target : com.nimbusds.jose.util.JSONArrayUtils.parse(targets)) {
                Map<?, ?> t = (Map<?, ?>) target;
                if ("page".equals(t.get("type")) && t.get("webSocketDebuggerUrl") != null) {
                    return URI.create((String) t.get("webSocketDebuggerUrl"));
                }
            }
            assertThat(System.nanoTime()).as("chromium has a page target").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** A minimal DevTools protocol client: one call at a time, answers matched by id, events skipped. */
    private static final class DevTools implements WebSocket.Listener {
        private final AtomicInteger ids = new AtomicInteger();
        private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final WebSocket socket;

        DevTools(URI url) {
            this.socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(url, this)
                    .join();
        }

        Map<?, ?> call(String method, Map<String, Object> params) throws Exception {
            int id = ids.incrementAndGet();
            socket.sendText(JSONObjectUtils.toJSONString(Map.of("id", id, "method", method, "params", params)), true)
                    .get(10, TimeUnit.SECONDS);
            while (true) {
                String message = messages.poll(30, TimeUnit.SECONDS);
                assertThat(message).as("an answer to " + method).isNotNull();
                Map<String, Object> parsed = JSONObjectUtils.parse(message);
                if (parsed.get("id") instanceof Number n && n.intValue() == id) {
                    assertThat(parsed.get("error")).as(method + " failed").isNull();
                    Object result = parsed.get("result");
                    return result instanceof Map<?, ?> map ? map : Map.of();
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
