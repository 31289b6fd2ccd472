package org.credfolio.shared.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Keeps parsed and validated documents, keyed by their text: clients send the same few queries over
 * and over, and parsing plus validation is a measurable share of a small request. Limits that
 * depend on variables (depth, complexity, aliases, size) are still checked on every execution, but
 * for depth and complexity of an operation without variables that already passed them ({@link
 * OperationsWithinLimits}).
 */
class ParsedDocumentCache implements PreparsedDocumentProvider {
    private final Cache<String, PreparsedDocumentEntry> entries;

    ParsedDocumentCache(int maxEntries) {
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        // Parsing happens outside any lock; two threads may both parse a new text once, which is cheap.
        PreparsedDocumentEntry cached = entries.getIfPresent(input.getQuery());
        if (cached == null) {
            cached = parseAndValidate.apply(input);
            entries.put(input.getQuery(), cached);
        }
        return CompletableFuture.completedFuture(cached);
    }
}
