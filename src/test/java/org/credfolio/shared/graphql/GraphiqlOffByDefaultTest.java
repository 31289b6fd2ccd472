package org.credfolio.shared.graphql;

import java.util.List;
import org.credfolio.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Without the {@code dev} profile (as the packaged jar starts) there is no GraphiQL: neither our page
 * and its assets nor Spring for GraphQL's CDN page. The integration tests' shared context.
 */
class GraphiqlOffByDefaultTest extends IntegrationTest {

    @Test
    void graphiqlAndItsAssetsAreNotFound() {
        for (String path : List.of(
                "/graphiql",
                "/graphiql/graphiql-page.js",
                "/graphiql/vendor/graphiql.min.js",
                "/graphiql/vendor/graphiql.min.css")) {
            http().get().uri(path).exchange().expectStatus().isNotFound();
        }
    }
}
