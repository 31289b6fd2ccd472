package org.credfolio.organization;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import org.credfolio.shared.security.SecretTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing with two counters per {@link #WINDOW}, both kept in the store so that
 * every instance behind a load balancer shares them:
 *
 * <ul>
 *   <li>per account and client address: {@value #MAX_FAILURES} failed logins for one username from
 *       one address. Keyed by address too, so that a stranger cannot lock a registrar out from
 *       elsewhere; a success clears it.
 *   <li>per client address, across usernames: {@value #MAX_ADDRESS_FAILURES} failed logins, which
 *       catches one password sprayed over many usernames. A success does not clear it (the sprayer
 *       may own an account); it only hands back its own attempt. Sized for a school's shared NAT,
 *       where a few dozen honest typos in 15 minutes are unusual. IPv6 clients count per /64, the
 *       block one subscriber is usually given.
 * </ul>
 *
 * <p>Every attempt takes a slot in both counters before the password is checked, and a wrong
 * password leaves it taken. Taking is one conditional findAndModify ({@code count < limit} →
 * {@code $inc}), atomic on a single document on MongoDB and on the embedded store alike, so
 * concurrent guesses cannot all pass a check made before any of them was counted: at most the
 * limit of passwords are checked per window, however many requests arrive at once.
 */
@Component
class LoginThrottle {
    static final int MAX_FAILURES = 10;
    static final int MAX_ADDRESS_FAILURES = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Rounds of the take loop before giving up on a counter that keeps changing under us. */
    private static final int MAX_ROUNDS = 8;

    /** One counter: {@code count} attempts since {@code since}; gone (TTL) after {@code expiresAt}. */
    @Document("login_throttle")
    record Counter(@Id String id, int count, Instant since, @Indexed(expireAfter = "0s") Instant expiresAt) {}

    /**
     * An attempt to log in: admitted (its slots taken, the password may be checked) or refused for
     * {@code retryAfterSeconds}.
     */
    record Attempt(String accountKey, String addressKey, Instant addressWindow, long retryAfterSeconds) {
        boolean admitted() {
            return retryAfterSeconds == 0;
        }
    }

    private final MongoOperations mongo;
    private final Clock clock;
    private final AtomicReference<Instant> nextPrune = new AtomicReference<>(Instant.MIN);

    @Autowired
    LoginThrottle(MongoOperations mongo) {
        this(mongo, Clock.systemUTC());
    }

    LoginThrottle(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Takes a slot for this username from this address in both counters, or refuses. Hashed keys:
     * people type passwords into the username field, and those should not sit in the store.
     */
    Attempt begin(String clientAddress, String username) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        pruneExpired(now);
        String address = addressBlock(clientAddress);
        String addressKey = SecretTokens.hash("address\n" + address);
        String accountKey = SecretTokens.hash("account\n" + address + "\n" + username);
        Taken byAddress = take(addressKey, MAX_ADDRESS_FAILURES, now);
        if (byAddress.since() == null) {
            return new Attempt(accountKey, addressKey, null, byAddress.retryAfterSeconds());
        }
        Taken byAccount = take(accountKey, MAX_FAILURES, now);
        if (byAccount.since() == null) {
            giveBack(addressKey, byAddress.since()); // no password was checked
            return new Attempt(accountKey, addressKey, null, byAccount.retryAfterSeconds());
        }
        return new Attempt(accountKey, addressKey, byAddress.since(), 0);
    }

    /**
     * The password was right: the account's count starts over, and the address gets back only the
     * slot this attempt took, so failures sprayed from it still count.
     */
    void succeeded(Attempt attempt) {
        mongo.remove(Query.query(Criteria.where("_id").is(attempt.accountKey())), Counter.class);
        giveBack(attempt.addressKey(), attempt.addressWindow());
    }

    /** The window a slot was taken in, or null with the seconds to wait. */
    private record Taken(Instant since, long retryAfterSeconds) {}

    private Taken take(String key, int limit, Instant now) {
        Instant windowStart = now.minus(WINDOW);
        FindAndModifyOptions returnNew = FindAndModifyOptions.options().returnNew(true);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            // A slot in the current window, only while one is free.
            Counter counter = mongo.findAndModify(
                    Query.query(Criteria.where("_id")
                            .is(key)
                            .and("since")
                            .gt(windowStart)
                            .and("count")
                            .lt(limit)),
                    new Update().inc("count", 1),
                    returnNew,
                    Counter.class);
            if (counter != null) {
                return new Taken(counter.since(), 0);
            }
            // The window has passed: start a new one. Only one of concurrent restarters matches.
            counter = mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(key).and("since").lte(windowStart)),
                    new Update().set("count", 1).set("since", now).set("expiresAt", now.plus(WINDOW)),
                    returnNew,
                    Counter.class);
            if (counter != null) {
                return new Taken(counter.since(), 0);
            }
            try {
                mongo.insert(new Counter(key, 1, now, now.plus(WINDOW)));
                return new Taken(now, 0);
            } catch (DuplicateKeyException e) {
                // It exists: full, or changed between the steps above.
            }
            Counter full = mongo.findById(key, Counter.class);
            if (full != null && full.since().isAfter(windowStart) && full.count() >= limit) {
                long left = Duration.between(now, full.since().plus(WINDOW)).toSeconds();
                return new Taken(null, Math.max(1, left));
            }
        }
        return new Taken(null, 1); // contended beyond reason: refuse briefly rather than spin
    }

    /** Returns one slot taken in the window that began at {@code since}, not one of a later window. */
    private void giveBack(String key, Instant since) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id")
                        .is(key)
                        .and("since")
                        .is(since)
                        .and("count")
                        .gt(0)),
                new Update().inc("count", -1),
                Counter.class);
    }

    /**
     * MongoDB drops expired counters by their TTL index; the embedded store has no TTL monitor, so
     * they are removed here, at most once per window, to bound the collection under a flood of
     * made-up usernames without a scan per request.
     */
    private void pruneExpired(Instant now) {
        Instant due = nextPrune.get();
        if (now.isBefore(due) || !nextPrune.compareAndSet(due, now.plus(WINDOW))) {
            return;
        }
        mongo.remove(Query.query(Criteria.where("expiresAt").lt(now)), Counter.class);
    }

    /** The address as counted: IPv4 whole, IPv6 by its /64. */
    static String addressBlock(String clientAddress) {
        if (clientAddress == null || !clientAddress.contains(":")) {
            return String.valueOf(clientAddress);
        }
        try {
            byte[] bytes = InetAddress.getByName("[" + clientAddress + "]").getAddress();
            return bytes.length == 16
                    ? HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "::/64"
                    : InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return clientAddress; // not an IP literal: count it as given
        }
    }
}
