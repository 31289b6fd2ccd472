package org.credfolio.organization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed logins for one username from one
 * client address within {@link #WINDOW}, further attempts from there are refused until the window
 * has passed. Keyed by address too, so that a stranger cannot lock a registrar out from elsewhere.
 * Kept per instance, in memory: behind a load balancer each instance counts on its own, which
 * still bounds guessing.
 */
@Component
class LoginThrottle {
    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant since) {}

    private final Map<String, Failures> failures = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_TRACKED; // bound memory under a flood of made-up usernames
        }
    };
    private final Clock clock;

    LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    static String key(String clientAddress, String username) {
        return clientAddress + " " + username;
    }

    /** Seconds until this client may try this username again, or 0 when it may try now. */
    synchronized long retryAfterSeconds(String key) {
        Failures f = failures.get(key);
        if (f == null || f.count() < MAX_FAILURES) {
            return 0;
        }
        Duration left = Duration.between(clock.instant(), f.since().plus(WINDOW));
        return left.isNegative() ? 0 : Math.max(1, left.toSeconds());
    }

    synchronized void failed(String key) {
        Instant now = clock.instant();
        failures.merge(
                key,
                new Failures(1, now),
                (old, one) ->
                        old.since().plus(WINDOW).isBefore(now) ? one : new Failures(old.count() + 1, old.since()));
    }

    synchronized void succeeded(String key) {
        failures.remove(key);
    }
}
