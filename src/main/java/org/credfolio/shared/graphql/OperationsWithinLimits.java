package org.credfolio.shared.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.ExecutionContext;
import graphql.language.OperationDefinition;

/**
 * Operations one limit check already passed, so that the same operation sent again skips the walk
 * over its fields (each of the depth and complexity checks walked the whole query on every request).
 * Only operations without variables are remembered: a variable such as {@code first} changes the
 * complexity, while without them the same operation always measures the same. Keyed by identity of
 * the parsed operation, which {@link ParsedDocumentCache} hands out again for the same text, and
 * held weakly, so an operation the document cache dropped is dropped here too.
 */
final class OperationsWithinLimits {
    private final Cache<OperationDefinition, Boolean> passed =
            Caffeine.newBuilder().weakKeys().maximumSize(1_000).build();

    boolean known(ExecutionContext execution) {
        return withoutVariables(execution) && passed.getIfPresent(execution.getOperationDefinition()) != null;
    }

    void remember(ExecutionContext execution) {
        if (withoutVariables(execution)) {
            passed.put(execution.getOperationDefinition(), Boolean.TRUE);
        }
    }

    private static boolean withoutVariables(ExecutionContext execution) {
        return execution.getOperationDefinition().getVariableDefinitions().isEmpty()
                && execution.getCoercedVariables().toMap().isEmpty();
    }
}
