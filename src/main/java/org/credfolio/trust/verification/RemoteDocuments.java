package org.credfolio.trust.verification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Fetches documents of other issuers (DID documents, JWKS, status lists) over HTTP, with short
 * timeouts, a size limit and a cache, so a slow or hostile server cannot stall verification. Only
 * URLs derived from the configured trust list or from a credential of a trusted issuer reach here.
 */
@Component
class RemoteDocuments {
    private static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration FRESH_FOR = Duration.ofMinutes(5);

    private record Fetched(String body, long fetchedAt) {}

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Map<String, Fetched> cache = new ConcurrentHashMap<>();

    /** The body at {@code url}, fetched at most every five minutes. */
    String get(String url) {
        Fetched cached = cache.get(url);
        if (cached != null && System.nanoTime() - cached.fetchedAt() < FRESH_FOR.toNanos()) {
            return cached.body();
        }
        URI uri = URI.create(url);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new RemoteDocumentException("Only http(s) URLs are fetched: " + url);
        }
        try {
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new RemoteDocumentException(url + " answered HTTP " + response.statusCode());
            }
            if (response.body().length > MAX_BYTES) {
                throw new RemoteDocumentException(url + " is larger than " + MAX_BYTES + " bytes");
            }
            String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cache.put(url, new Fetched(body, System.nanoTime()));
            return body;
        } catch (java.io.IOException e) {
            throw new RemoteDocumentException(
                    url + " could not be fetched: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteDocumentException(url + " could not be fetched: interrupted");
        }
    }

    static final class RemoteDocumentException extends RuntimeException {
        RemoteDocumentException(String message) {
            super(message, null, false, false);
        }
    }
}
