package org.credfolio.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void tenFailuresBlockTheUsernameUntilTheWindowPasses() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("a@b.org");
        }
        assertThat(throttle.retryAfterSeconds("a@b.org")).isZero();
        throttle.failed("a@b.org");
        assertThat(throttle.retryAfterSeconds("a@b.org")).isEqualTo(LoginThrottle.WINDOW.toSeconds());
        assertThat(throttle.retryAfterSeconds("other@b.org")).isZero();
        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        assertThat(throttle.retryAfterSeconds("a@b.org")).isZero();
    }

    @Test
    void successClearsTheCount() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("a@b.org");
        }
        throttle.succeeded("a@b.org");
        throttle.failed("a@b.org");
        assertThat(throttle.retryAfterSeconds("a@b.org")).isZero();
    }

    @Test
    void failuresFromOneAddressDoNotLockOutAnother() {
        String attacker = LoginThrottle.key("203.0.113.9", "registrar@d.org");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.failed(attacker);
        }
        assertThat(throttle.retryAfterSeconds(attacker)).isPositive();
        assertThat(throttle.retryAfterSeconds(LoginThrottle.key("198.51.100.7", "registrar@d.org")))
                .isZero();
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
