package org.credfolio.shared.graphql;

import graphql.introspection.Introspection;
import org.credfolio.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ActiveProfiles;

/**
 * The service as {@code ./mvnw spring-boot:run} starts it: the {@code dev} profile, GraphiQL and
 * introspection on. Spring Boot turns introspection off JVM-wide (graphql-java's static switch)
 * whenever a context without the profile starts, and never back on; the test JVM runs such
 * contexts too, so these tests turn it on for themselves and restore it after.
 */
@ActiveProfiles("dev")
abstract class DevProfileTest extends IntegrationTest {
    private static boolean introspectionBefore;

    @BeforeAll
    static void introspectionOn() {
        introspectionBefore = Introspection.isEnabledJvmWide();
        Introspection.enabledJvmWide(true);
    }

    @AfterAll
    static void introspectionRestored() {
        Introspection.enabledJvmWide(introspectionBefore);
    }
}
