package org.credfolio.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The path a client takes: logs in at {@code POST /auth/token}, then reads portfolios with one
 * GraphQL request each over HTTP/1.1 keep-alive connections, checking every answer.
 */
final class HttpPortfolioReader implements PortfolioRead {
    static final String QUERY = "query($id: ID!) { learner(id: $id) { displayName school { name }"
            + " credentials { id status earnedOn expiresOn"
            + " credential { name occupations { socCode title medianAnnualWage } } } } }";

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EARNED_ON = Pattern.compile("\"earnedOn\"");

    private final HttpClient client;
    private final URI graphql;
    private final int expectedCredentials;
    private String authorization;

    HttpPortfolioReader(int port, int expectedCredentials) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.graphql = URI.create("http://127.0.0.1:" + port + "/graphql");
        this.expectedCredentials = expectedCredentials;
    }

    /** Logs in through the real token endpoint; every later read carries the token. */
    void login(String username, String password) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(graphql.resolve("/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("Login failed: HTTP " + response.statusCode() + " " + response.body());
        }
        authorization = "Bearer " + token.group(1);
    }

    @Override
    public void read(String learnerId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(graphql)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"query\":\"" + QUERY + "\",\"variables\":{\"id\":\"" + learnerId + "\"}}"))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " for " + learnerId + ": " + body);
        }
        if (body.contains("\"errors\"")) {
            throw new IllegalStateException("GraphQL errors for " + learnerId + ": " + body);
        }
        long credentials = EARNED_ON.matcher(body).results().count();
        if (credentials != expectedCredentials || !body.contains("\"displayName\"")) {
            throw new IllegalStateException(
                    credentials + " credentials instead of " + expectedCredentials + " for " + learnerId + ": " + body);
        }
    }
}
