package org.credfolio.trust.integrity;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The JSON-LD contexts this service knows, read once from {@code classpath:jsonld/} (published
 * copies, listed in {@code jsonld/index.json} with their sources). A document that names any other
 * context is refused: contexts are never fetched over the network, so nobody can change what a
 * signed credential means by changing a file on their server.
 */
public final class BundledContexts implements DocumentLoader {
    private static final String FOLDER = "jsonld/";
    private static final BundledContexts INSTANCE = new BundledContexts(FOLDER + "index.json");
    private final Map<String, Document> documents = new HashMap<>();

    /** Every {@code jsonld/index.json} on the class path is read, so tests can add the spec's examples. */
    private BundledContexts(String index) {
        try {
            Enumeration<URL> indexes = BundledContexts.class.getClassLoader().getResources(index);
            while (indexes.hasMoreElements()) {
                read(indexes.nextElement())
                        .forEach((url, file) -> documents.putIfAbsent(
                                url, JsonDocument.of(read(FOLDER + ((JsonString) file).getString()))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (documents.isEmpty()) {
            throw new IllegalStateException("No bundled JSON-LD contexts found at classpath:" + index);
        }
    }

    public static BundledContexts instance() {
        return INSTANCE;
    }

    /** The context URLs a credential may use. */
    public Set<String> urls() {
        return documents.keySet();
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        Document document = documents.get(url.toString());
        if (document == null) {
            throw new JsonLdError(
                    JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "The context " + url + " is not one this service knows (contexts are never fetched).");
        }
        return document;
    }

    private static JsonObject read(String resource) {
        URL url = BundledContexts.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("Missing bundled JSON-LD resource " + resource);
        }
        return read(url);
    }

    private static JsonObject read(URL resource) {
        try (InputStream in = resource.openStream();
                JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
