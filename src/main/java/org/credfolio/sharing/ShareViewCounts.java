package org.credfolio.sharing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Views of share pages, counted in memory and added to the stored counts every
 * {@code credfolio.sharing.view-count-flush} (1 s), so that opening a page writes nothing on its
 * way: a durable write per view cost more than the rest of the page. Counts read through this
 * instance include its views not yet added, and an orderly shutdown adds them all. A hard kill loses
 * at most the last interval's views: a view count is a figure for the learner, nothing depends on
 * it being exact. Several instances each add their own ({@code $inc}), so none overwrites another.
 */
@Component
class ShareViewCounts implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ShareViewCounts.class);

    private final MongoOperations mongo;
    private final Duration interval;
    /** Views not yet stored, by share id. Merged and removed per key atomically, so none is lost. */
    private final ConcurrentHashMap<String, Long> pending = new ConcurrentHashMap<>();

    private ScheduledExecutorService flusher;

    ShareViewCounts(MongoOperations mongo, @Value("${credfolio.sharing.view-count-flush:1s}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("credfolio.sharing.view-count-flush must be positive, was " + interval);
        }
        this.mongo = mongo;
        this.interval = interval;
    }

    void count(String shareId) {
        pending.merge(shareId, 1L, Long::sum);
    }

    /** The share's views: those stored and those this instance has not stored yet. */
    long viewCount(Share share) {
        return share.viewCount() + pending.getOrDefault(share.id(), 0L);
    }

    /** Adds the views counted so far to the stored counts, one update per share. */
    void flush() {
        for (String shareId : List.copyOf(pending.keySet())) {
            Long views = pending.remove(shareId);
            if (views == null) {
                continue;
            }
            try {
                mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(shareId)),
                        new Update().inc("viewCount", views),
                        Share.class);
            } catch (RuntimeException e) {
                // Kept for the next interval rather than lost.
                pending.merge(shareId, views, Long::sum);
                log.warn("Storing {} view(s) of share {} failed; retrying in {}", views, shareId, interval, e);
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "share-view-counts");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Storing share view counts failed", e);
        }
    }

    /** Stops the timer and stores what is left, while the store is still open. */
    @Override
    public synchronized void stop() {
        if (flusher == null) {
            return;
        }
        flusher.shutdown();
        try {
            flusher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flusher = null;
        flush();
    }

    @Override
    public synchronized boolean isRunning() {
        return flusher != null;
    }
}
