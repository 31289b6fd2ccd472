package org.credfolio.shared.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.scalars.ExtendedScalars;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Scalars and the limits every request is held to. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlLimitsProperties.class)
class GraphQlConfiguration {

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

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(GraphQlLimitsProperties limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth()) {
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
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), listAwareComplexity()) {
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

    /** A paged field costs its children once per item it may return. */
    private static FieldComplexityCalculator listAwareComplexity() {
        return (environment, childComplexity) -> {
            Object first = environment.getArguments().get("first");
            int items = first instanceof Integer n && n > 0 ? n : 1;
            return 1 + childComplexity * items;
        };
    }
}
