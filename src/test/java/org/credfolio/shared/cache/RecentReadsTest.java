package org.credfolio.shared.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a short-lived read cache must never do: outlive this instance's own write. */
class RecentReadsTest {
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void aValueIsReadOnceThenRememberedUntilForgotten() {
        RecentReads<String, String> recent = new RecentReads<>(Duration.ofMinutes(1), 10);
        assertThat(recent.get("a", () -> read("v1"))).isEqualTo("v1");
        assertThat(recent.get("a", () -> read("v2"))).isEqualTo("v1");
        assertThat(reads).hasValue(1);

        recent.forget("a");
        assertThat(recent.get("a", () -> read("v2"))).isEqualTo("v2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aReadThatOverlappedAWriteIsNotKept() {
        RecentReads<String, String> recent = new RecentReads<>(Duration.ofMinutes(1), 10);
        // The read saw the old value; the write and its forget land before the read is kept.
        assertThat(recent.get("a", () -> {
                    recent.forget("a");
                    return read("old");
                }))
                .isEqualTo("old");
        assertThat(recent.get("a", () -> read("new")))
                .as("the next read goes to the store")
                .isEqualTo("new");

        assertThat(recent.getAll(List.of("b", "c"), missing -> {
                    recent.forgetAll();
                    return Map.of("b", read("old b"));
                }))
                .containsExactly(Map.entry("b", "old b"));
        assertThat(recent.getAll(List.of("b"), missing -> Map.of("b", read("new b"))))
                .containsExactly(Map.entry("b", "new b"));
    }

    @Test
    void nothingMissingIsRememberedAndAZeroTimeToLiveReadsEveryTime() {
        RecentReads<String, String> recent = new RecentReads<>(Duration.ofMinutes(1), 10);
        assertThat(recent.get("gone", () -> null)).isNull();
        assertThat(recent.get("gone", () -> read("made since"))).isEqualTo("made since");

        RecentReads<String, String> off = new RecentReads<>(Duration.ZERO, 10);
        reads.set(0);
        off.get("a", () -> read("v"));
        off.get("a", () -> read("v"));
        assertThat(off.getAll(List.of("a"), missing -> Map.of("a", read("v")))).containsEntry("a", "v");
        assertThat(reads).hasValue(3);
    }

    private String read(String value) {
        reads.incrementAndGet();
        return value;
    }
}
