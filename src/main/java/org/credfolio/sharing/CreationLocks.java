package org.credfolio.sharing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.bson.Document;
import org.credfolio.shared.error.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One lock per owner, in the store, for work that counts an owner's documents and then inserts one
 * (a count limit). Without transactions, concurrent requests would all count the same number and
 * all insert; holding the owner's lock across the count and the insert makes the limit exact on
 * every instance. The lock is a document keyed by owner: taken by inserting it (the unique
 * {@code _id} lets one of concurrent takers win, on MongoDB and the embedded store alike) and
 * released by removing it. A holder that died leaves a lease that others take over once it has run
 * out; {@link #LEASE} is far longer than the counted work takes.
 */
final class CreationLocks {
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private final MongoOperations mongo;
    private final String collection;

    CreationLocks(MongoOperations mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /** Runs the work holding the owner's lock; waits up to {@link #MAX_WAIT} for it. */
    <T> T whileHeld(String owner, Supplier<T> work) {
        String holder = UUID.randomUUID().toString();
        acquire(owner, holder);
        try {
            return work.get();
        } finally {
            mongo.remove(
                    Query.query(Criteria.where("_id").is(owner).and("holder").is(holder)), collection);
        }
    }

    private void acquire(String owner, String holder) {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        long pauseMillis = 2;
        while (true) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Date until = Date.from(now.plus(LEASE));
            try {
                mongo.insert(new Document("_id", owner).append("holder", holder).append("until", until), collection);
                return;
            } catch (DuplicateKeyException e) {
                // Held: by a live request, or by one that died and whose lease has run out.
            }
            Document takenOver = mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(owner).and("until").lt(Date.from(now))),
                    new Update().set("holder", holder).set("until", until),
                    Document.class,
                    collection);
            if (takenOver != null) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ConflictException(
                        "BUSY_TRY_AGAIN",
                        null,
                        "Another request of yours is creating the same kind of item; try again.");
            }
            sleep(pauseMillis + ThreadLocalRandom.current().nextLong(pauseMillis + 1));
            pauseMillis = Math.min(pauseMillis * 2, 50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a lock", e);
        }
    }
}
