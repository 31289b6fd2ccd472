package org.credfolio.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latencies and errors of the soak run, by minute of the scheduled start and by request. Every
 * latency is kept (a 10-minute run at 40/s is some 30,000), so percentiles are exact.
 */
final class SoakRecorder {
    /** Error messages kept word for word; the rest are only counted. */
    private static final int KEPT_ERRORS = 10;

    private final List<Minute> minutes = new ArrayList<>();
    private final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());

    SoakRecorder(int minuteCount) {
        for (int m = 0; m < minuteCount; m++) {
            minutes.add(new Minute());
        }
    }

    Minute minute(int index) {
        return minutes.get(index);
    }

    void failed(int minute, SoakRequest request, String message) {
        minutes.get(minute).stats(request).error();
        synchronized (firstErrors) {
            if (firstErrors.size() < KEPT_ERRORS) {
                firstErrors.add("minute " + (minute + 1) + ", " + request.label() + ": " + message);
            }
        }
    }

    List<String> firstErrors() {
        return List.copyOf(firstErrors);
    }

    /** One request's figures over the whole run. */
    Stats total(SoakRequest request) {
        Stats total = new Stats();
        minutes.forEach(minute -> total.addAll(minute.stats(request)));
        return total;
    }

    /** What was started in one minute, and how it went. */
    static final class Minute {
        private final Map<SoakRequest, Stats> stats = new EnumMap<>(SoakRequest.class);
        /** Operations started in this minute that have not finished: its row waits for them. */
        final AtomicInteger outstanding = new AtomicInteger();
        /** Operations that began more than {@link SoakBenchmark#LATE} after their scheduled moment. */
        final AtomicLong lateStarts = new AtomicLong();

        Minute() {
            for (SoakRequest request : SoakRequest.values()) {
                stats.put(request, new Stats());
            }
        }

        Stats stats(SoakRequest request) {
            return stats.get(request);
        }

        Stats all() {
            Stats all = new Stats();
            stats.values().forEach(all::addAll);
            return all;
        }
    }

    /** Latencies (in nanoseconds) of the requests that succeeded, and how many failed. */
    static final class Stats {
        private long[] latencies = new long[64];
        private int count;
        private long errors;

        synchronized void add(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        synchronized void error() {
            errors++;
        }

        synchronized void addAll(Stats other) {
            long[] theirs;
            long theirErrors;
            synchronized (other) {
                theirs = Arrays.copyOf(other.latencies, other.count);
                theirErrors = other.errors;
            }
            for (long latency : theirs) {
                add(latency);
            }
            errors += theirErrors;
        }

        synchronized long requests() {
            return count + errors;
        }

        synchronized long errors() {
            return errors;
        }

        /** Nearest-rank percentile of the successful requests, in milliseconds; NaN if there were none. */
        synchronized double percentileMillis(double fraction) {
            if (count == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(fraction * count);
            return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
        }
    }
}
