package org.credfolio.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The login throttle at {@code POST /auth/token} under concurrent requests. The test's own connections
 * come from a trusted proxy (the loopback address), so every test names its client in {@code
 * X-Forwarded-For}: a fresh address per test keeps its failures from throttling any other test's
 * logins, which all come from the loopback address. Its own context for that one property; the
 * rules for untrusted senders are in {@code ClientAddressesTest}.
 */
@TestPropertySource(properties = "credfolio.security.trusted-proxies=127.0.0.1/32, ::1/128")
class LoginThrottlingHttpTest extends IntegrationTest {
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService pool = Executors.newFixedThreadPool(32);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void concurrentWrongPasswordsGetAtMostTheLimitOfChecksAndThenEvenTheRightOneWaits() throws Exception {
        Tenants.User registrar = tenants.create().registrarA();
        String attacker = freshAddress();
        Map<Integer, Long> statuses =
                concurrently(100, i -> login(attacker, registrar.username(), "wrong-password-" + i));
        // Only a checked password answers 401: exactly the limit of them, whatever the timing.
        assertThat(statuses)
                .isEqualTo(Map.of(401, (long) LoginThrottle.MAX_FAILURES, 429, 100L - LoginThrottle.MAX_FAILURES));

        HttpResponse<String> refused = login(attacker, registrar.username(), registrar.password());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isPositive();
        assertThat(refused.body()).contains("invalid_grant", "Too many failed attempts");
        // The registrar, elsewhere, is not locked out by the attacker.
        assertThat(login(freshAddress(), registrar.username(), registrar.password())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void sprayingOnePasswordOverManyUsernamesIsRefusedAfterTheAddressLimit() throws Exception {
        Tenants.User registrar = tenants.create().registrarA();
        String sprayer = freshAddress();
        // Each request claims another origin left of the proxy's entry: ignored, all count as the sprayer.
        Map<Integer, Long> statuses = concurrently(
                40, i -> login(freshAddress() + ", " + sprayer, "sprayed-" + i + "@nowhere.example", "Summer2026!"));
        assertThat(statuses)
                .isEqualTo(Map.of(
                        401, (long) LoginThrottle.MAX_ADDRESS_FAILURES, 429, 40L - LoginThrottle.MAX_ADDRESS_FAILURES));
        assertThat(login(sprayer, registrar.username(), registrar.password()).statusCode())
                .isEqualTo(429);
        assertThat(login(freshAddress(), registrar.username(), registrar.password())
                        .statusCode())
                .isEqualTo(200);
    }

    private Map<Integer, Long> concurrently(int n, Attempt attempt) throws Exception {
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            calls.add(() -> attempt.send(index).statusCode());
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            codes.add(f.get());
        }
        return codes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private interface Attempt {
        HttpResponse<String> send(int index) throws Exception;
    }

    private HttpResponse<String> login(String forwardedFor, String username, String password) throws Exception {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/auth/token"))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", forwardedFor)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An address from 198.18.0.0/15 (benchmarking), new for each use. */
    private static String freshAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
