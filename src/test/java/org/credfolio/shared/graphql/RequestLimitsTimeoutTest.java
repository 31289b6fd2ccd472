package org.credfolio.shared.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a caller receives when a request runs past its time limit: a query is cut short with
 * REQUEST_TIMEOUT, and a mutation's change, once made, is answered in full rather than reported as
 * failed (the bug this guards against: a stored credential answered as an internal error).
 */
class RequestLimitsTimeoutTest {
    private static final String SDL =
            """
            type Query { slow: Item }
            type Mutation { make: Item }
            type Item { id: String, secret: String, child: Item }
            """;

    private final AtomicInteger changesMade = new AtomicInteger();

    /** Every field takes 60 ms, so a 50 ms limit has always passed by the second field. */
    private final DataFetcher<Map<String, Object>> slowItem = env -> {
        Thread.sleep(60);
        return Map.of("id", "x");
    };

    private final GraphQL graphQl = GraphQL.newGraphQL(schema())
            .instrumentation(
                    new RequestLimits(new GraphQlLimitsProperties(null, null, null, null, Duration.ofMillis(50))))
            .build();

    /** Class loading on the first request would otherwise use up the limit before the first field. */
    RequestLimitsTimeoutTest() {
        graphQl.execute("{ __typename }");
    }

    private GraphQLSchema schema() {
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type.dataFetcher("slow", slowItem))
                .type(
                        "Mutation",
                        type -> type.dataFetcher("make", env -> {
                            changesMade.incrementAndGet();
                            return slowItem.get(env);
                        }))
                .type("Item", type -> type.dataFetcher("secret", env -> {
                            Thread.sleep(60);
                            return "one-time-token";
                        })
                        .dataFetcher("child", slowItem))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    }

    @Test
    void aChangeThatWasMadeIsAnsweredInFullPastTheLimit() {
        ExecutionResult result = graphQl.execute("mutation { make { id secret child { id secret } } }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Object>>getData())
                .isEqualTo(Map.of(
                        "make",
                        Map.of(
                                "id",
                                "x",
                                "secret",
                                "one-time-token",
                                "child",
                                Map.of("id", "x", "secret", "one-time-token"))));
        assertThat(changesMade).hasValue(1);
    }

    @Test
    void aChangeNotYetBegunPastTheLimitIsNotMadeAndSaysSo() {
        ExecutionResult result = graphQl.execute("mutation { first: make { id } second: make { id } }");

        assertThat(changesMade).hasValue(1);
        Map<String, Object> data = result.getData();
        assertThat(data.get("first")).isEqualTo(Map.of("id", "x"));
        assertThat(data.get("second")).isNull();
        GraphQLError error = single(result.getErrors());
        assertThat(error.getPath()).isEqualTo(List.of("second"));
        assertThat(error.getExtensions()).containsEntry("code", "REQUEST_TIMEOUT");
        assertThat(error.getMessage())
                .startsWith("Not done")
                .contains("50 ms")
                .contains("was not made")
                .doesNotContain("Exception");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aQueryIsStoppedAtTheFirstFieldPastTheLimit() {
        ExecutionResult result = graphQl.execute("{ slow { id secret } }");

        Map<String, Object> data = result.getData();
        Map<String, Object> slow = (Map<String, Object>) data.get("slow");
        assertThat(slow).containsOnlyKeys("id", "secret").containsValues(null, null);
        assertThat(result.getErrors())
                .extracting(GraphQLError::getPath)
                .containsExactlyInAnyOrder(List.of("slow", "id"), List.of("slow", "secret"));
        assertThat(result.getErrors()).allSatisfy(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "REQUEST_TIMEOUT");
            assertThat(error.getMessage()).contains("time limit of 50 ms").contains("ask for less");
        });
    }

    @Test
    void limitsUnderASecondReadInMilliseconds() {
        assertThat(RequestLimits.readable(Duration.ofMillis(30))).isEqualTo("30 ms");
        assertThat(RequestLimits.readable(Duration.ofMillis(1500))).isEqualTo("1500 ms");
        assertThat(RequestLimits.readable(Duration.ofSeconds(10))).isEqualTo("10 s");
    }

    private static GraphQLError single(List<GraphQLError> errors) {
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }
}
