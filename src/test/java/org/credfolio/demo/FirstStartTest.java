package org.credfolio.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.credfolio.CredfolioApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The packaged jar started as an operator would, with no demo setting: the platform catalog is
 * there, and there is no demo district, no learner and no account anyone could sign in with.
 */
class FirstStartTest {

    @Test
    void aPackagedJarSeedsTheCatalogButCreatesNoDemoAccounts() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CredfolioApplication.class)
                .run(
                        "--server.port=0",
                        "--credfolio.store.in-memory=true",
                        "--credfolio.security.login-key-file=target/test-data/login-token-key.pem",
                        "--credfolio.trust.key-encryption-key-file=target/test-data/key-encryption-key",
                        "--spring.main.banner-mode=off")) {
            MongoOperations mongo = app.getBean(MongoOperations.class);

            assertThat(mongo.count(new Query(), "credentials")).isGreaterThan(100);
            assertThat(mongo.count(new Query(), "occupations")).isGreaterThan(700);
            assertThat(mongo.count(new Query(), "accounts")).isZero();
            assertThat(mongo.count(new Query(), "learners")).isZero();
            assertThat(mongo.exists(new Query(), "awards")).isFalse();

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpResponse<String> login = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/auth/token"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"username\":\"platform-admin@demo.credfolio.org\",\"password\":\"x\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void theDemoLoadsOnlyWhenAskedAndOnlyOnTheCatalog() {
        assertThat(DemoLoadPolicy.decide(null, false, true).load()).isFalse();
        assertThat(DemoLoadPolicy.decide(null, false, true).reason()).contains("credfolio.demo.enabled is not set");
        assertThat(DemoLoadPolicy.decide(false, false, true).load()).isFalse();
        assertThat(DemoLoadPolicy.decide(true, false, true).load()).isTrue();
        assertThat(DemoLoadPolicy.decide(true, true, true).alreadyLoaded()).isTrue();
        assertThat(DemoLoadPolicy.decide(true, false, false).reason()).contains("credfolio.catalog.seed");
    }
}
