package org.credfolio.support;

import java.util.Map;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Base of tests that run against the demo data: the real BLS, O*NET and Texas catalog figures, and
 * the fictional demo district. Its database is its own, so other tests' data never meets it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "credfolio.store.in-memory=true",
            "credfolio.demo.enabled=true",
            "credfolio.demo.password=" + DemoDataTest.PASSWORD,
            "credfolio.security.login-key-file=target/test-data/login-token-key.pem",
            "credfolio.trust.key-encryption-key-file=target/test-data/key-encryption-key",
            "credfolio.value.regions.WA.living-wage=60000",
            "credfolio.value.regions.OH.rules=OHIO"
        })
@Import(DemoDataTest.QueryShapeRecording.class)
public abstract class DemoDataTest {
    public static final String PASSWORD = "demo-data-test-password";
    private static final MongoDBContainer MONGO = TestStores.mongoDbOrNull();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        if (MONGO != null) {
            registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("credfolio-demo"));
        }
    }

    protected WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    /** Signed in as the demo account of a role, such as {@code district-admin}; or anonymous. */
    protected HttpGraphQlTester tester(String role) {
        HttpGraphQlTester anonymous = HttpGraphQlTester.create(
                http().mutate().baseUrl("http://localhost:" + port + "/graphql").build());
        if (role.equals("anonymous")) {
            return anonymous;
        }
        return anonymous
                .mutate()
                .header("Authorization", "Bearer " + token(role))
                .build();
    }

    protected String token(String role) {
        Map<?, ?> token = http().post()
                .uri("/auth/token")
                .bodyValue(Map.of("username", role + "@demo.credfolio.org", "password", PASSWORD))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (String) token.get("access_token");
    }

    /** The demo's queries count for the index check too ({@link QueryShapes}). */
    @TestConfiguration(proxyBeanMethods = false)
    static class QueryShapeRecording {
        @Bean
        MongoClientSettingsBuilderCustomizer recordQueryShapes() {
            return settings -> settings.addCommandListener(QueryShapes.ALL);
        }
    }
}
