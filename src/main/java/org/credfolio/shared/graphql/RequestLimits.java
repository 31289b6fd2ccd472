package org.credfolio.shared.graphql;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.Field;
import graphql.language.Node;
import graphql.schema.DataFetcher;

/**
 * Refuses documents that are too long or use too many aliases, and stops a request that runs past
 * its time budget at the next field it would fetch.
 */
class RequestLimits extends SimplePerformantInstrumentation {
    private final GraphQlLimitsProperties limits;

    RequestLimits(GraphQlLimitsProperties limits) {
        this.limits = limits;
    }

    private record Deadline(long nanos) implements InstrumentationState {}

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Deadline(System.nanoTime() + limits.timeout().toNanos());
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        var context = parameters.getExecutionContext();
        String query = context.getExecutionInput().getQuery();
        if (query != null && query.length() > limits.maxDocumentLength()) {
            throw new LimitExceeded(
                    "DOCUMENT_TOO_LARGE",
                    "The query document has " + query.length() + " characters; at most " + limits.maxDocumentLength()
                            + " are allowed.");
        }
        int aliases = countAliases(context.getDocument());
        if (aliases > limits.maxAliases()) {
            throw new LimitExceeded(
                    "TOO_MANY_ALIASES",
                    "The query uses " + aliases + " aliases; at most " + limits.maxAliases() + " are allowed.");
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        if (!(state instanceof Deadline deadline)) {
            return fetcher;
        }
        return env -> {
            if (System.nanoTime() > deadline.nanos()) {
                throw new LimitExceeded(
                        "REQUEST_TIMEOUT",
                        "The request took longer than " + limits.timeout().toSeconds()
                                + " s and was stopped; ask for less at once.");
            }
            return fetcher.get(env);
        };
    }

    private static int countAliases(Node<?> node) {
        int count = node instanceof Field field && field.getAlias() != null ? 1 : 0;
        for (Node<?> child : node.getChildren()) {
            count += countAliases(child);
        }
        return count;
    }
}
