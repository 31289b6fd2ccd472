package org.credfolio.organization;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The throttle's counting rules, on the embedded store with a clock the test moves. Over HTTP, and
 * with concurrent requests, see {@link LoginThrottlingHttpTest}.
 */
class LoginThrottleTest {
    private static final String HERE = "203.0.113.9";
    private static MongoServer server;
    private static MongoClient client;

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle =
            new LoginThrottle(new MongoTemplate(client, "throttle-" + System.nanoTime()), clock);

    @BeforeAll
    static void store() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void tenFailuresBlockTheUsernameUntilTheWindowPasses() {
        fail(HERE, "a@b.org", LoginThrottle.MAX_FAILURES);
        LoginThrottle.Attempt refused = throttle.begin(HERE, "a@b.org");
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(LoginThrottle.WINDOW.toSeconds());
        assertThat(throttle.begin(HERE, "other@b.org").admitted()).isTrue();
        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        assertThat(throttle.begin(HERE, "a@b.org").admitted()).isTrue();
    }

    @Test
    void successClearsTheAccountCount() {
        fail(HERE, "a@b.org", LoginThrottle.MAX_FAILURES - 1);
        throttle.succeeded(throttle.begin(HERE, "a@b.org"));
        fail(HERE, "a@b.org", LoginThrottle.MAX_FAILURES - 1);
        assertThat(throttle.begin(HERE, "a@b.org").admitted()).isTrue();
    }

    @Test
    void failuresFromOneAddressDoNotLockOutAnother() {
        fail(HERE, "registrar@d.org", LoginThrottle.MAX_FAILURES);
        assertThat(throttle.begin(HERE, "registrar@d.org").admitted()).isFalse();
        assertThat(throttle.begin("198.51.100.7", "registrar@d.org").admitted()).isTrue();
    }

    @Test
    void sprayingManyUsernamesFromOneAddressIsRefusedAndSuccessesDoNotUnlockIt() {
        for (int i = 0; i < LoginThrottle.MAX_ADDRESS_FAILURES; i++) {
            fail(HERE, "user" + i + "@d.org", 1);
            // The sprayer's own account logs in between guesses: it must not earn more guesses.
            throttle.succeeded(throttle.begin(HERE, "sprayer@d.org"));
        }
        LoginThrottle.Attempt refused = throttle.begin(HERE, "fresh@d.org");
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfterSeconds()).isPositive();
        assertThat(throttle.begin(HERE, "sprayer@d.org").admitted()).isFalse();
        assertThat(throttle.begin("198.51.100.7", "fresh@d.org").admitted()).isTrue();
        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        assertThat(throttle.begin(HERE, "fresh@d.org").admitted()).isTrue();
    }

    @Test
    void anAccountRefusalDoesNotUseUpTheAddress() {
        fail(HERE, "a@b.org", LoginThrottle.MAX_FAILURES);
        for (int i = 0; i < 3 * LoginThrottle.MAX_ADDRESS_FAILURES; i++) {
            assertThat(throttle.begin(HERE, "a@b.org").admitted()).isFalse();
        }
        fail(HERE, "b@b.org", LoginThrottle.MAX_FAILURES); // 20 of 30 used: still admitted
    }

    @Test
    void ipv6ClientsCountPerSlash64() {
        assertThat(LoginThrottle.addressBlock("2001:db8:1:2:aaaa::1"))
                .isEqualTo(LoginThrottle.addressBlock("2001:db8:1:2:bbbb::9"))
                .isNotEqualTo(LoginThrottle.addressBlock("2001:db8:1:3::1"));
        assertThat(LoginThrottle.addressBlock("192.0.2.1")).isEqualTo("192.0.2.1");
    }

    @Test
    void concurrentAttemptsAreAdmittedExactlyUpToTheLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                attempts.add(() -> throttle.begin(HERE, "victim@d.org").admitted());
            }
            long admitted = 0;
            for (Future<Boolean> f : pool.invokeAll(attempts)) {
                admitted += f.get() ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(LoginThrottle.MAX_FAILURES);
        } finally {
            pool.shutdownNow();
        }
    }

    private void fail(String address, String username, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(throttle.begin(address, username).admitted())
                    .as("attempt %d for %s", i + 1, username)
                    .isTrue();
        }
    }

    static class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
