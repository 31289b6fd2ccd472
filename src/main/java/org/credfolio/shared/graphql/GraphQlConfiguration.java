package org.credfolio.shared.graphql;

import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.scalars.ExtendedScalars;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Scalars and the limits every request is held to. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlLimitsProperties.class)
class GraphQlConfiguration {
    private static final Set<String> INTROSPECTION_FIELDS = Set.of("__schema", "__type", "__typename");

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(InputScalars.date())
                .scalar(DateTimeScalar.create())
                .scalar(InputScalars.decimal())
                .scalar(ExtendedScalars.Json);
    }

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCache() {
        ParsedDocumentCache cache = new ParsedDocumentCache(500);
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
    }

    /**
     * The depth limit spares operations that only introspect the schema: the standard introspection
     * query (GraphiQL's, in the dev profile) nests 15 levels, all answered from the schema in memory
     * and bounded by graphql-java's good-faith introspection checks (on by default: at most 20 levels
     * and 500 fields). Where introspection is off (the default) such an operation fails validation
     * before it gets here. An operation that asks for anything else beside it is held to the limit.
     */
    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(GraphQlLimitsProperties limits) {
        OperationsWithinLimits passed = new OperationsWithinLimits();
        return new MaxQueryDepthInstrumentation(limits.maxDepth()) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                ExecutionContext execution = parameters.getExecutionContext();
                if (introspectionOnly(execution.getOperationDefinition())) {
                    return SimpleInstrumentationContext.noOp();
                }
                return passed.checkOnce(execution, () -> super.beginExecuteOperation(parameters, state));
            }

            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return new LimitExceeded(
                        "QUERY_TOO_DEEP",
                        "The query nests " + depth + " levels deep; at most " + maxDepth + " are allowed.");
            }
        };
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(GraphQlLimitsProperties limits) {
        OperationsWithinLimits passed = new OperationsWithinLimits();
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), listAwareComplexity()) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                return passed.checkOnce(
                        parameters.getExecutionContext(), () -> super.beginExecuteOperation(parameters, state));
            }

            @Override
            protected AbortExecutionException mkAbortException(int complexity, int max) {
                return new LimitExceeded(
                        "QUERY_TOO_COMPLEX",
                        "The query's complexity is " + complexity + "; at most " + max
                                + " is allowed. Ask for fewer fields or smaller pages.");
            }
        };
    }

    @Bean
    RequestLimits requestLimits(GraphQlLimitsProperties limits) {
        return new RequestLimits(limits);
    }

    /** A query whose top-level selections are all {@code __schema}, {@code __type} or {@code __typename}. */
    static boolean introspectionOnly(OperationDefinition operation) {
        return operation.getOperation() == OperationDefinition.Operation.QUERY
                && operation.getSelectionSet().getSelections().stream()
                        .allMatch(selection ->
                                selection instanceof Field field && INTROSPECTION_FIELDS.contains(field.getName()));
    }

    /** A paged field costs its children once per item it may return. */
    private static FieldComplexityCalculator listAwareComplexity() {
        return (environment, childComplexity) -> {
            Object first = environment.getArguments().get("first");
            int items = first instanceof Integer n && n > 0 ? n : 1;
            return 1 + childComplexity * items;
        };
    }
}
