package org.credfolio.shared.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLArgument;
import org.credfolio.shared.error.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * An argument with a default may be left out, but GraphQL also lets a caller send it as an explicit
 * {@code null}, and then the default does not apply: {@code rotateIssuerKey(algorithm: null)}
 * reached the key factory as null. No argument of ours gives null a meaning of its own, so it is
 * refused here, before any resolver, with the argument named.
 */
@Component
class ExplicitNullArguments extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        DataFetchingEnvironment env = parameters.getEnvironment();
        for (GraphQLArgument argument : env.getFieldDefinition().getArguments()) {
            if (argument.hasSetDefaultValue()
                    && env.containsArgument(argument.getName())
                    && env.getArgument(argument.getName()) == null) {
                String name = argument.getName();
                return refused -> {
                    throw new InvalidInputException(
                            "REQUIRED", name, name + " may be left out (it has a default) but not null.");
                };
            }
        }
        return fetcher;
    }
}
