package org.credfolio.shared.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.time.Duration;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;

/**
 * Refuses documents that are too long or use too many aliases, and stops a request that runs past
 * its time budget (see {@link #instrumentDataFetcher} for where a mutation may stop).
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

    /**
     * A query is stopped at the first field it would fetch past the deadline. A mutation is checked
     * only before each of its top-level fields: once a change has been made, the selection under it
     * is answered in full, because what it returns (a one-time token, the new record's id) may exist
     * nowhere else, and stopping there would report as failed a change that was stored. The refusal
     * is the field's error rather than a thrown exception, so it never passes for an internal
     * failure.
     */
    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        if (!(state instanceof Deadline deadline)) {
            return fetcher;
        }
        return env -> {
            boolean mutation = env.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION;
            boolean checked = !mutation || env.getExecutionStepInfo().getPath().getLevel() == 1;
            if (checked && System.nanoTime() > deadline.nanos()) {
                return DataFetcherResult.newResult()
                        .error(timedOut(env, mutation))
                        .build();
            }
            return fetcher.get(env);
        };
    }

    private GraphQLError timedOut(DataFetchingEnvironment env, boolean mutation) {
        String limit = readable(limits.timeout());
        String message = mutation
                ? "Not done: the request had run past its time limit of " + limit + " before this change began,"
                        + " so it was not made (changes listed before it in the same request were). Send it again."
                : "The request ran past its time limit of " + limit + " and was stopped here; ask for less at once.";
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.BAD_REQUEST)
                .message(message)
                .extensions(Map.of("classification", "BAD_REQUEST", "code", "REQUEST_TIMEOUT"))
                .build();
    }

    /** "250 ms" or "10 s": a limit under a second must not read as "0 s". */
    static String readable(Duration duration) {
        return duration.toMillis() < 1000 || duration.toMillisPart() != 0
                ? duration.toMillis() + " ms"
                : duration.toSeconds() + " s";
    }

    private static int countAliases(Node<?> node) {
        int count = node instanceof Field field && field.getAlias() != null ? 1 : 0;
        for (Node<?> child : node.getChildren()) {
            count += countAliases(child);
        }
        return count;
    }
}
