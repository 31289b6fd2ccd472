package org.credfolio.shared.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Keeps parsed and validated documents, keyed by their text: clients send the same few queries over
 * and over, and parsing plus validation is a measurable share of a small request. Limits that
 * depend on variables (depth, complexity, aliases, size) are still checked on every execution.
 */
class ParsedDocumentCache implements PreparsedDocumentProvider {
    private final Map<String, PreparsedDocumentEntry> entries;

    ParsedDocumentCache(int maxEntries) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry cached;
        synchronized (entries) {
            cached = entries.get(input.getQuery());
        }
        if (cached == null) {
            cached = parseAndValidate.apply(input);
            synchronized (entries) {
                entries.put(input.getQuery(), cached);
            }
        }
        return CompletableFuture.completedFuture(cached);
    }
}
