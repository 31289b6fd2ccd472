package org.credfolio.organization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed logins for one username within
 * {@link #WINDOW}, further attempts are refused until the window has passed. Kept per instance, in
 * memory: behind a load balancer each instance counts on its own, which still bounds guessing.
 */
@Component
class LoginThrottle {
    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant since) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds until the username may try again, or 0 when it may try now. */
    long retryAfterSeconds(String username) {
        Failures f = failures.get(username);
        if (f == null || f.count() < MAX_FAILURES) {
            return 0;
        }
        Duration left = Duration.between(clock.instant(), f.since().plus(WINDOW));
        return left.isNegative() ? 0 : Math.max(1, left.toSeconds());
    }

    void failed(String username) {
        if (failures.size() > MAX_TRACKED) {
            failures.clear(); // bound memory under a flood of made-up usernames
        }
        Instant now = clock.instant();
        failures.merge(
                username,
                new Failures(1, now),
                (old, one) ->
                        old.since().plus(WINDOW).isBefore(now) ? one : new Failures(old.count() + 1, old.since()));
    }

    void succeeded(String username) {
        failures.remove(username);
    }
}
