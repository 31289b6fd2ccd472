package org.credfolio.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.JSONStringUtils;
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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Headless Chromium driven through the DevTools protocol (the JDK's WebSocket client), for page
 * tests that measure layout, which {@code --dump-dom} cannot: open at a size (phone sizes emulate a
 * mobile device), navigate, evaluate expressions. The browser is killed on close.
 *
 * <p>Starting Chromium takes seconds and loading a page a fraction of one, so page tests share one
 * browser ({@link #shared()}), switch its size ({@link #resize}) and load pages or submit forms in
 * it ({@link #load}, {@link #submit}), reading what a person would see ({@link View}).
 * DevTools evaluation is not page script, so the pages' script-free Content-Security-Policy stays
 * as it is.
 */
public final class BrowserSession implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 60;

    /**
     * A global that {@link #hostile} markup sets if a page ever inserts it as markup instead of
     * showing it as text; {@link View#scriptRan()} reads it.
     */
    public static final String SENTINEL = "credfolioInjected";

    /** Set on the current document before a navigation, so the next document is told from it. */
    private static final String OLD_DOCUMENT = "credfolioOldDocument";

    /** Evaluated in the page, {@link View}'s fields as JSON, and whether the document is old and loaded. */
    private static final String VIEW = "JSON.stringify((function(){var d=document.documentElement;"
            + "var b=document.body;var h=document.querySelector('h1');var r=h&&h.getBoundingClientRect();"
            + "var n=performance.getEntriesByType('navigation')[0];"
            + "return {old:!!window." + OLD_DOCUMENT + ",ready:document.readyState,"
            + "url:location.href,status:n?n.responseStatus:0,title:document.title,"
            + "headline:h?h.innerText.trim():null,text:b?b.innerText:'',"
            + "scrollWidth:Math.max(d.scrollWidth,b?b.scrollWidth:0),viewportWidth:d.clientWidth,"
            + "windowWidth:window.innerWidth,viewportHeight:window.innerHeight,"
            + "headlineTop:r?r.top:0,headlineBottom:r?r.bottom:0,"
            + "headings:document.querySelectorAll('h1').length,"
            + "scripts:document.querySelectorAll('script').length,"
            + "images:document.querySelectorAll('img').length,"
            + "scriptRan:window." + SENTINEL + "!==undefined};})())";

    private static BrowserSession shared;

    /**
     * The window sizes pages are checked at: a phone (mobile emulation, so the viewport meta
     * applies) and a desktop.
     */
    public enum Size {
        PHONE(390, 844, true),
        DESKTOP(1280, 800, false);

        public final int width;
        public final int height;
        public final boolean mobile;

        Size(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }
    }

    /**
     * What a reader sees of the loaded document: where it is and the HTTP status it came with, its
     * title, its first h1, its visible text, and its layout (a page wider than its viewport, the
     * window less any scroll bar, scrolls sideways); how many h1, script and img elements it has;
     * whether {@link #SENTINEL} was set.
     */
    public record View(
            String url,
            int status,
            String title,
            String headline,
            String text,
            long scrollWidth,
            long viewportWidth,
            long windowWidth,
            long viewportHeight,
            double headlineTop,
            double headlineBottom,
            int headings,
            int scripts,
            int images,
            boolean scriptRan) {

        /** Fails unless the page fits its viewport's width: no sideways scrolling. */
        public View assertNoSidewaysScrolling() {
            assertThat(scrollWidth).as("no horizontal overflow in " + this).isLessThanOrEqualTo(viewportWidth);
            return this;
        }

        /** Fails unless the first h1 is entirely within the first screen. */
        public View assertHeadlineInFirstScreen() {
            assertThat(headlineTop).as("headline top in " + this).isGreaterThanOrEqualTo(0);
            assertThat(headlineBottom)
                    .as("headline within the first screen in " + this)
                    .isLessThanOrEqualTo(viewportHeight);
            return this;
        }
    }

    /**
     * Markup that runs script wherever a page inserts it as HTML rather than text (a script element,
     * and an image whose failed load runs its handler), setting {@link #SENTINEL}; {@code label}
     * follows it, so the text can be found on the page.
     */
    public static String hostile(String label) {
        return "<script>window." + SENTINEL + "=1</script><img src=x onerror=\"window." + SENTINEL + "=1\">" + label;
    }

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

    /**
     * The one browser the page tests of a test run share, started on first use and killed when the
     * JVM exits; the test is skipped (an assumption) when no Chromium is installed. Test classes run
     * one at a time, and each test sets the size it needs with {@link #resize}.
     */
    public static synchronized BrowserSession shared() throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent(), "no chromium or chromium-browser on PATH");
        if (shared == null || !shared.process.isAlive()) {
            BrowserSession session = open(chromium.get(), Size.DESKTOP.width, Size.DESKTOP.height, false);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    session.close();
                } catch (Exception ignored) {
                    // the JVM is exiting; the process was killed first
                }
            }));
            shared = session;
        }
        shared.ignoreContentSecurityPolicy(false);
        return shared;
    }

    /** Sets the viewport for the pages loaded from now on. */
    public BrowserSession resize(Size size) throws Exception {
        call(
                "Emulation.setDeviceMetricsOverride",
                Map.of(
                        "width",
                        size.width,
                        "height",
                        size.height,
                        "deviceScaleFactor",
                        size.mobile ? 3 : 1,
                        "mobile",
                        size.mobile));
        return this;
    }

    /**
     * Makes the browser ignore pages' Content-Security-Policy from the next load on. The pages
     * allow no script, which would stop injected markup from running anyway; ignoring the policy
     * tests their escaping on its own, so that {@link #SENTINEL} stays unset only if nothing a user
     * typed became markup. {@link #shared()} turns it off again.
     */
    public void ignoreContentSecurityPolicy(boolean ignore) throws Exception {
        call("Page.setBypassCSP", Map.of("enabled", ignore));
    }

    /**
     * Loads {@code url} and answers the document the browser settled on there (a page's own script
     * may go on to another one: then wait for that with {@link #awaitDocument}).
     */
    public View load(String url) throws Exception {
        if (url.contains("#")
                && withoutFragment(url).equals(withoutFragment(String.valueOf(evaluate("location.href"))))) {
            // Only the fragment differs: the browser would scroll, not load; start from a blank page.
            markDocument();
            navigate("about:blank");
            awaitDocument(view -> "about:blank".equals(view.url()));
        }
        markDocument();
        navigate(url);
        return awaitDocument(view -> view.url().startsWith(withoutFragment(url)));
    }

    /**
     * Types {@code text} into a form field (sets its value, as typing or pasting would), e.g.
     * {@code #credential}.
     */
    public void type(String selector, String text) throws Exception {
        Object set = evaluate("(function(){var e=document.querySelector(" + JSONStringUtils.toJSONString(selector)
                + ");if(!e)return false;e.value=(" + JSONObjectUtils.toJSONString(Map.of("v", text)) + ").v;"
                + "return true;})()");
        assertThat(set).as("a field " + selector).isEqualTo(true);
    }

    /**
     * Chooses files in a file input (DOM.setFileInputFiles), as a person would in the file picker;
     * the browser reads them from disk when the form is submitted.
     */
    public void chooseFiles(String selector, Path... files) throws Exception {
        Map<?, ?> found = call(
                "Runtime.evaluate",
                Map.of("expression", "document.querySelector(" + JSONStringUtils.toJSONString(selector) + ")"));
        Object objectId = ((Map<?, ?>) found.get("result")).get("objectId");
        assertThat(objectId).as("an element " + selector).isNotNull();
        call(
                "DOM.setFileInputFiles",
                Map.of(
                        "objectId",
                        objectId,
                        "files",
                        Stream.of(files).map(f -> f.toAbsolutePath().toString()).toList()));
    }

    /**
     * Clicks a (submit) button, as a person would, and answers the document the form's answer
     * became: the browser encodes the form, files included, itself.
     */
    public View submit(String buttonSelector) throws Exception {
        markDocument();
        Object clicked = evaluate("(function(){var b=document.querySelector("
                + JSONStringUtils.toJSONString(buttonSelector) + ");if(!b)return false;b.click();return true;})()");
        assertThat(clicked).as("a button " + buttonSelector).isEqualTo(true);
        return awaitDocument(view -> true);
    }

    /**
     * Waits until a document newer than the last {@link #load} or {@link #submit} (or the one a
     * page's own script went on to) has finished loading and satisfies {@code settled}; answers it.
     */
    public View awaitDocument(Predicate<View> settled) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        Object last = null;
        while (System.nanoTime() < deadline) {
            try {
                // One evaluation reads the document's state and what it shows, so both are of the same document.
                Map<String, Object> m = evaluateJson(VIEW);
                last = m;
                if (Boolean.FALSE.equals(m.get("old")) && "complete".equals(m.get("ready"))) {
                    View view = view(m);
                    last = view;
                    if (settled.test(view)) {
                        return view;
                    }
                }
            } catch (AssertionError e) {
                // Evaluated while one document gave way to the next ("execution context was destroyed").
                last = e.getMessage();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the browser did not settle on a new document: " + last);
    }

    /** What a reader sees of the current document. */
    public View view() throws Exception {
        Map<String, Object> m = evaluateJson(VIEW);
        assertThat(m).as("the document could be read").containsKey("url");
        return view(m);
    }

    private static View view(Map<String, Object> m) {
        return new View(
                (String) m.get("url"),
                ((Number) m.get("status")).intValue(),
                (String) m.get("title"),
                (String) m.get("headline"),
                (String) m.get("text"),
                ((Number) m.get("scrollWidth")).longValue(),
                ((Number) m.get("viewportWidth")).longValue(),
                ((Number) m.get("windowWidth")).longValue(),
                ((Number) m.get("viewportHeight")).longValue(),
                ((Number) m.get("headlineTop")).doubleValue(),
                ((Number) m.get("headlineBottom")).doubleValue(),
                ((Number) m.get("headings")).intValue(),
                ((Number) m.get("scripts")).intValue(),
                ((Number) m.get("images")).intValue(),
                Boolean.TRUE.equals(m.get("scriptRan")));
    }

    private void markDocument() throws Exception {
        evaluate("window." + OLD_DOCUMENT + "=true");
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
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
     * (a navigation has finished, a page has laid out), within 60 s.
     */
    public Map<String, Object> settle(String expression, Predicate<Map<String, Object>> settled) throws Exception {
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
