package org.credfolio.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What an outside verifier looks up for a credential or presentation, fetched from the test server
 * as it would be over the network: the DID document of every did:web of this server it names
 * (those that exist), keyed by the https URL did:web resolves to, and every status list it names
 * in its JSON-LD form, keyed by its exact {@code statusListCredential} URL. The Node harness serves
 * them to verifier-core, which may not fetch anything itself.
 */
public final class VerifierDocuments {
    public static final String PUBLIC_BASE = "http://localhost:8080";
    private static final String DID_PREFIX = "did:web:localhost%3A8080:";

    private VerifierDocuments() {}

    public static Map<String, Object> lookedUpFor(WebTestClient http, Map<String, Object> document) {
        Set<String> dids = new TreeSet<>();
        Set<String> statusLists = new TreeSet<>();
        collect(document, null, dids, statusLists);
        Map<String, Object> documents = new LinkedHashMap<>();
        for (String url : List.copyOf(statusLists)) {
            Map<String, Object> list = get(http, url.substring(PUBLIC_BASE.length()), "application/ld+json");
            if (list != null) {
                documents.put(url, list);
                collect(list, null, dids, statusLists);
            }
        }
        for (String did : dids) {
            String path = didWebPath(did);
            Map<String, Object> didDocument = get(http, path, "application/json");
            if (didDocument != null) {
                documents.put("https://localhost:8080" + path, didDocument);
            }
        }
        return documents;
    }

    /** did:web to path (did:web method, section 3.2): colons become slashes, then {@code /did.json}. */
    private static String didWebPath(String did) {
        String[] parts = did.substring("did:web:".length()).split(":");
        StringBuilder path = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            path.append('/').append(URLDecoder.decode(parts[i], StandardCharsets.UTF_8));
        }
        return path.append("/did.json").toString();
    }

    private static void collect(Object value, String key, Set<String> dids, Set<String> statusLists) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collect(v, (String) k, dids, statusLists));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, key, dids, statusLists));
        } else if (value instanceof String text) {
            if (text.startsWith(DID_PREFIX)) {
                dids.add(text.split("#", 2)[0]);
            }
            if ("statusListCredential".equals(key) && text.startsWith(PUBLIC_BASE)) {
                statusLists.add(text);
            }
        }
    }

    /** The JSON document at the path, or null when the server has none (404). */
    private static Map<String, Object> get(WebTestClient http, String path, String accept) {
        var result = http.get()
                .uri(path)
                .header("Accept", accept)
                .exchange()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult();
        return result.getStatus() == HttpStatus.NOT_FOUND ? null : result.getResponseBody();
    }
}
