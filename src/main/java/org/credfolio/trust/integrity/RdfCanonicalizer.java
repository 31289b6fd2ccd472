package org.credfolio.trust.integrity;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTimeTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonObject;
import java.io.StringWriter;

/**
 * RDF Dataset Canonicalization (RDFC-1.0) of a JSON-LD document with the bundled contexts, by
 * titanium-json-ld and titanium-rdfc. Canonicalization has inputs that take exponential time
 * (crafted blank-node graphs), so each run has a time budget and fails beyond it.
 */
final class RdfCanonicalizer {
    /** Far above what a credential needs (a few milliseconds), far below what would stall a request. */
    private static final long BUDGET_MILLIS = 2_000;

    private RdfCanonicalizer() {}

    /**
     * Bundled contexts only, and a property no context defines fails instead of being dropped (what
     * jsonld.js calls safe mode): a dropped property would be outside the signature while a reader
     * of the JSON still sees it. Fresh per run: the processor may keep state in its options.
     */
    private static JsonLdOptions options() {
        JsonLdOptions options = new JsonLdOptions(BundledContexts.instance());
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        return options;
    }

    /** Titanium wraps the loader's refusal; its reason is what the caller needs to read. */
    private static Throwable innermost(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The canonical N-Quads of the document, one quad per line, sorted. */
    static String canonicalize(JsonObject document) {
        RdfCanon canon = RdfCanon.create("SHA-256", new RdfCanonTimeTicker(BUDGET_MILLIS));
        try {
            JsonLd.toRdf(JsonDocument.of(document)).options(options()).provide(canon);
            StringWriter nquads = new StringWriter();
            canon.provide(new NQuadsWriter(nquads));
            return nquads.toString();
        } catch (JsonLdError e) {
            throw new DataIntegrityException(
                    "The document is not valid JSON-LD: " + innermost(e).getMessage(), e);
        } catch (RdfConsumerException | IllegalStateException e) {
            throw new DataIntegrityException("The document could not be canonicalized within its time budget.", e);
        }
    }
}
