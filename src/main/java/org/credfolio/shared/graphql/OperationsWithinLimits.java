package org.credfolio.shared.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.language.OperationDefinition;
import java.util.function.Supplier;

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

    /**
     * Runs {@code check} (which throws when the operation exceeds its limit) unless this operation
     * passed it before, and remembers a pass.
     */
    InstrumentationContext<ExecutionResult> checkOnce(
            ExecutionContext execution, Supplier<InstrumentationContext<ExecutionResult>> check) {
        boolean rememberable = withoutVariables(execution);
        if (rememberable && passed.getIfPresent(execution.getOperationDefinition()) != null) {
            return SimpleInstrumentationContext.noOp();
        }
        InstrumentationContext<ExecutionResult> context = check.get();
        if (rememberable) {
            passed.put(execution.getOperationDefinition(), Boolean.TRUE);
        }
        return context;
    }

    private static boolean withoutVariables(ExecutionContext execution) {
        return execution.getOperationDefinition().getVariableDefinitions().isEmpty()
                && execution.getCoercedVariables().toMap().isEmpty();
    }
}
